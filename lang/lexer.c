/*
 * lexer.c - tokens for the parser.
 *
 * Newlines end statements, except inside brackets (the lexer counts them)
 * and before a line that starts with '.', which continues a method chain;
 * the parser decides the latter, since it needs to look ahead.
 */
#include "lexer.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

double unit_apply(double v, Unit u) {
    switch (u) {
    case U_DB: return pow(10, v / 20); /* decibels to a linear gain factor */
    case U_MS: return v / 1000;        /* to seconds */
    case U_KHZ: return v * 1000;       /* to hertz */
    case U_NONE: break;
    }
    return v;
}

void lex_init(Lexer *lx, const Source *src, Err *err) {
    lx->src = src;
    lx->pos = 0;
    lx->depth = 0;
    lx->err = err;
}

static const struct {
    const char *word;
    TokType type;
} KEYWORDS[] = {
    {"let", T_LET},   {"in", T_IN},   {"if", T_IF},     {"then", T_THEN},
    {"else", T_ELSE}, {"fn", T_FN},   {"true", T_TRUE}, {"false", T_FALSE},
    {"nil", T_NIL},   {"and", T_AND}, {"or", T_OR},     {"not", T_NOT},
};

const char *tok_name(TokType t) {
    static const char *names[] = {
        [T_EOF] = "the end of the input",
        [T_ERROR] = "an error",
        [T_NAME] = "a name",
        [T_NUMBER] = "a number",
        [T_STRING] = "a pattern string",
        [T_TEXT] = "a text string",
        [T_LET] = "'let'",
        [T_IN] = "'in'",
        [T_IF] = "'if'",
        [T_THEN] = "'then'",
        [T_ELSE] = "'else'",
        [T_FN] = "'fn'",
        [T_TRUE] = "'true'",
        [T_FALSE] = "'false'",
        [T_NIL] = "'nil'",
        [T_AND] = "'and'",
        [T_OR] = "'or'",
        [T_NOT] = "'not'",
        [T_LPAREN] = "'('",
        [T_RPAREN] = "')'",
        [T_LBRACKET] = "'['",
        [T_RBRACKET] = "']'",
        [T_LBRACE] = "'{'",
        [T_RBRACE] = "'}'",
        [T_COMMA] = "','",
        [T_DOT] = "'.'",
        [T_COLON] = "':'",
        [T_ASSIGN] = "'='",
        [T_ARROW] = "'=>'",
        [T_PLUS] = "'+'",
        [T_MINUS] = "'-'",
        [T_STAR] = "'*'",
        [T_SLASH] = "'/'",
        [T_PERCENT] = "'%'",
        [T_EQ] = "'=='",
        [T_NE] = "'!='",
        [T_LT] = "'<'",
        [T_LE] = "'<='",
        [T_GT] = "'>'",
        [T_GE] = "'>='",
        [T_QUESTION] = "'?'",
        [T_NEWLINE] = "the end of the line",
    };
    return names[t];
}

/* Letters, '_', '$' (JavaScript's, for Strudel's `$:` blocks) and UTF-8. */
static bool is_alpha(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
}
static bool is_digit(int c) {
    return c >= '0' && c <= '9';
}

static Token make(Lexer *lx, TokType t, uint32_t start, bool sp) {
    return (Token){.type = t, .off = start, .len = lx->pos - start, .space_before = sp};
}

static Token error(Lexer *lx, uint32_t at, uint32_t len, const char *hint, const char *msg) {
    err_set(lx->err, srcref(lx->src, at, len), "%s", msg);
    if (hint) err_hint(lx->err, "%s", hint);
    return (Token){.type = T_ERROR, .off = at, .len = len};
}

/* Skips blanks and comments; newlines too when inside brackets. Returns
 * true if a statement-ending newline was crossed. */
static bool skip_space(Lexer *lx, bool *sp) {
    const char *s = lx->src->text;
    bool nl = false;
    for (;;) {
        char c = s[lx->pos];
        if (c == ' ' || c == '\t' || c == '\r') {
            lx->pos++;
            *sp = true;
        } else if (c == '\n') {
            lx->pos++;
            *sp = true;
            if (lx->depth == 0) nl = true;
        } else if ((c == '-' && s[lx->pos + 1] == '-') || (c == '/' && s[lx->pos + 1] == '/')) {
            while (s[lx->pos] && s[lx->pos] != '\n') lx->pos++;
            *sp = true;
        } else if (c == '/' && s[lx->pos + 1] == '*') { /* a block comment, as in JavaScript */
            uint32_t open = lx->pos;
            lx->pos += 2;
            while (s[lx->pos] && !(s[lx->pos] == '*' && s[lx->pos + 1] == '/')) {
                if (s[lx->pos] == '\n' && lx->depth == 0) nl = true;
                lx->pos++;
            }
            if (!s[lx->pos]) { /* unclosed: the next token is the error */
                lx->pos = open;
                return false;
            }
            lx->pos += 2;
            *sp = true;
        } else {
            return nl;
        }
    }
}

/* A number with an optional unit: 3, 0.25, 1e3, -6dB (the sign is the
 * parser's), 250ms, 2s, 440hz, 2khz. */
static Token number(Lexer *lx, uint32_t start, bool sp) {
    const char *s = lx->src->text;
    while (is_digit(s[lx->pos])) lx->pos++; /* none for .5, as JavaScript writes 0.5 */
    if (s[lx->pos] == '.' && is_digit(s[lx->pos + 1])) {
        lx->pos++;
        while (is_digit(s[lx->pos])) lx->pos++;
    }
    if ((s[lx->pos] == 'e' || s[lx->pos] == 'E') &&
        (is_digit(s[lx->pos + 1]) ||
         ((s[lx->pos + 1] == '-' || s[lx->pos + 1] == '+') && is_digit(s[lx->pos + 2])))) {
        lx->pos += 2;
        while (is_digit(s[lx->pos])) lx->pos++;
    }
    char buf[64];
    uint32_t n = lx->pos - start;
    if (n >= sizeof buf) return error(lx, start, n, NULL, "number too long");
    double v = 0;
    bool integer = n <= 15;
    for (uint32_t k = start; integer && k < lx->pos; k++) integer = is_digit(s[k]);
    if (integer) { /* exact in a double: no strtod needed */
        for (uint32_t k = start; k < lx->pos; k++) v = v * 10 + (s[k] - '0');
    } else {
        memcpy(buf, s + start, n);
        buf[n] = 0;
        v = strtod(buf, NULL);
    }
    /* unit */
    uint32_t u = lx->pos;
    while (is_alpha((unsigned char)s[lx->pos]) || is_digit(s[lx->pos])) lx->pos++;
    uint32_t ul = lx->pos - u;
    Unit unit = U_NONE;
    if (ul) {
        const char *w = s + u;
#define UNIT(name) (ul == strlen(name) && strncmp(w, name, ul) == 0)
        if (UNIT("dB") || UNIT("db"))
            unit = U_DB;
        else if (UNIT("ms"))
            unit = U_MS;
        else if (UNIT("khz") || UNIT("kHz"))
            unit = U_KHZ;
        else if (!(UNIT("s") || UNIT("hz") || UNIT("Hz")))
            return error(lx, u, ul, "units are dB, ms, s, hz and khz",
                         "unknown unit after a number");
#undef UNIT
    }
    Token t = make(lx, T_NUMBER, start, sp);
    t.num = v;
    t.unit = (uint8_t)unit;
    return t;
}

Token lex_next(Lexer *lx) {
    bool sp = false;
    uint32_t before = lx->pos;
    if (skip_space(lx, &sp))
        return (Token){.type = T_NEWLINE, .off = before, .len = 1, .space_before = true};
    const char *s = lx->src->text;
    uint32_t start = lx->pos;
    int c = (unsigned char)s[lx->pos];
    if (c == 0) {
        if (lx->pos < lx->src->len)
            return error(lx, start, 1, "remove it", "unexpected NUL character");
        return make(lx, T_EOF, start, sp);
    }
    lx->pos++;
    if (is_alpha(c)) {
        while (is_alpha((unsigned char)s[lx->pos]) || is_digit(s[lx->pos])) lx->pos++;
        uint32_t n = lx->pos - start;
        if (n >= 2 && n <= 5) /* keywords are 2 to 5 letters long */
            for (size_t i = 0; i < sizeof KEYWORDS / sizeof KEYWORDS[0]; i++)
                if (KEYWORDS[i].word[0] == s[start] && strlen(KEYWORDS[i].word) == n &&
                    memcmp(KEYWORDS[i].word, s + start, n) == 0)
                    return make(lx, KEYWORDS[i].type, start, sp);
        return make(lx, T_NAME, start, sp);
    }
    /* .5 is a number, as in JavaScript, unless it follows a value directly ("a".3) */
    if (is_digit(c) ||
        (c == '.' && is_digit(s[lx->pos]) &&
         !(start > 0 && (is_alpha((unsigned char)s[start - 1]) || is_digit(s[start - 1]) ||
                         strchr("\"'`)]}", s[start - 1]))))) {
        lx->pos = start;
        return number(lx, start, sp);
    }
    switch (c) {
    case '"':
    case '`': /* JavaScript's template string: mini-notation over several lines */
    case '\'': {
        while (s[lx->pos] && s[lx->pos] != c) lx->pos++;
        if (!s[lx->pos]) {
            char hint[40];
            snprintf(hint, sizeof hint, "close it with %c", c);
            return error(lx, start, 1, hint, "unclosed string (opened here)");
        }
        lx->pos++;
        return make(lx, c == '\'' ? T_TEXT : T_STRING, start, sp);
    }
    case '(': lx->depth++; return make(lx, T_LPAREN, start, sp);
    case '[': lx->depth++; return make(lx, T_LBRACKET, start, sp);
    case '{': lx->depth++; return make(lx, T_LBRACE, start, sp);
    case ')':
        if (lx->depth) lx->depth--;
        return make(lx, T_RPAREN, start, sp);
    case ']':
        if (lx->depth) lx->depth--;
        return make(lx, T_RBRACKET, start, sp);
    case '}':
        if (lx->depth) lx->depth--;
        return make(lx, T_RBRACE, start, sp);
    case ',': return make(lx, T_COMMA, start, sp);
    case '.': return make(lx, T_DOT, start, sp);
    case ':': return make(lx, T_COLON, start, sp);
    case '?': return make(lx, T_QUESTION, start, sp);
    case '+': return make(lx, T_PLUS, start, sp);
    case '-': return make(lx, T_MINUS, start, sp);
    case '*': return make(lx, T_STAR, start, sp);
    case '/':
        if (s[lx->pos] == '*') /* skip_space stopped here: the comment is not closed */
            return error(lx, start, 2, "close it with */", "unclosed comment (opened here)");
        return make(lx, T_SLASH, start, sp);
    case '%': return make(lx, T_PERCENT, start, sp);
    case '=':
        if (s[lx->pos] == '=') { /* == and JavaScript's === */
            lx->pos += s[lx->pos + 1] == '=' ? 2 : 1;
            return make(lx, T_EQ, start, sp);
        }
        if (s[lx->pos] == '>') return lx->pos++, make(lx, T_ARROW, start, sp);
        return make(lx, T_ASSIGN, start, sp);
    case '!':
        if (s[lx->pos] == '=') { /* != and JavaScript's !== */
            lx->pos += s[lx->pos + 1] == '=' ? 2 : 1;
            return make(lx, T_NE, start, sp);
        }
        return make(lx, T_NOT, start, sp); /* !x is not x */
    case '<':
        if (s[lx->pos] == '=') return lx->pos++, make(lx, T_LE, start, sp);
        return make(lx, T_LT, start, sp);
    case '>':
        if (s[lx->pos] == '=') return lx->pos++, make(lx, T_GE, start, sp);
        return make(lx, T_GT, start, sp);
    case ';': /* JavaScript's statement end */
        if (lx->depth)
            return error(lx, start, 1, "a ';' ends a statement, outside brackets",
                         "unexpected ';'");
        return (Token){.type = T_NEWLINE, .off = start, .len = 1, .space_before = sp};
    case '&':
        if (s[lx->pos] == '&') return lx->pos++, make(lx, T_AND, start, sp);
        return error(lx, start, 1, "write 'and' (or &&)", "unexpected '&'");
    case '|':
        if (s[lx->pos] == '|') return lx->pos++, make(lx, T_OR, start, sp);
        return error(lx, start, 1, "write 'or' (or ||)", "unexpected '|'");
    default: {
        char msg[48];
        if (c < 0x20 || c == 0x7f)
            snprintf(msg, sizeof msg, "unexpected character 0x%02x", c);
        else
            snprintf(msg, sizeof msg, "unexpected '%c'", c);
        return error(lx, start, 1, NULL, msg);
    }
    }
}
