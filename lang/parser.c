/*
 * parser.c - tokens -> AST, by recursive descent with one token of lookahead
 * (two where a newline may continue a method chain).
 *
 * The grammar is written down for users in docs/language.md. Errors stop at
 * the first problem and say what was expected where; the hint names the
 * usual fix.
 */
#include "ast.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NEST 200 /* levels of nesting and links of one chain; said as "200" below */

struct AstArena {
    AstArena *next;
    size_t used, cap;
    max_align_t mem[];
};

typedef struct {
    Lexer lx;
    Token cur, next; /* current token and the one after */
    const Source *src;
    AstArena *arena;
    Err *err;
    int depth;
} Parser;

static void *anew(Parser *p, size_t size) {
    size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    if (!p->arena || p->arena->used + size > p->arena->cap) {
        size_t cap = size > 16384 ? size : 16384;
        AstArena *a = malloc(sizeof(AstArena) + cap);
        if (!a) abort();
        a->next = p->arena;
        a->used = 0;
        a->cap = cap;
        p->arena = a;
    }
    void *m = (char *)p->arena->mem + p->arena->used;
    p->arena->used += size;
    memset(m, 0, size);
    return m;
}

void program_free(Program *prog) {
    AstArena *a = prog->arena;
    while (a) {
        AstArena *n = a->next;
        free(a);
        a = n;
    }
    prog->arena = NULL;
    prog->stmts = NULL;
    prog->nstmts = 0;
}

/* ---- tokens ---- */

static void advance(Parser *p) {
    p->cur = p->next;
    if (p->cur.type != T_ERROR && p->cur.type != T_EOF) p->next = lex_next(&p->lx);
}

static bool failed(Parser *p) {
    return p->err->set;
}

static bool fail_at(Parser *p, Token t, const char *hint, const char *fmt, const char *arg) {
    if (failed(p)) return false;
    err_set(p->err, srcref(p->src, t.off, t.len ? t.len : 1), fmt, arg);
    if (hint) err_hint(p->err, "%s", hint);
    return false;
}

static bool check(Parser *p, TokType t) {
    return p->cur.type == t;
}

static bool match(Parser *p, TokType t) {
    if (!check(p, t)) return false;
    advance(p);
    return true;
}

static void skip_newlines(Parser *p) {
    while (check(p, T_NEWLINE)) advance(p);
}

static bool expect(Parser *p, TokType t, const char *hint) {
    if (match(p, t)) return true;
    if (p->cur.type == T_ERROR) return false;
    char msg[96];
    snprintf(msg, sizeof msg, "expected %s, found %%s", tok_name(t));
    return fail_at(p, p->cur, hint, msg, tok_name(p->cur.type));
}

/* Expects the bracket that closes open. A missing one usually shows on a
 * later line (the next statement read as more arguments): then the error
 * points at the opening bracket, as a beginner needs it. */
bool quoted_call(const Source *src, uint32_t paren, size_t *len) {
    static const char *CALLS[] = {"s",     "sound", "note",  "n",    "bank",
                                  "scale", "chord", "vowel", "mini", "m"};
    const char *t = src->text, *end = t + paren;
    size_t l = 0;
    while (end - l > t && (isalnum((unsigned char)end[-1 - (long)l]) || end[-1 - (long)l] == '_'))
        l++;
    *len = l;
    for (size_t i = 0; l && i < sizeof CALLS / sizeof *CALLS; i++)
        if (strlen(CALLS[i]) == l && !strncmp(end - l, CALLS[i], l)) return true;
    return false;
}

/* Whether the bracket at off is closed later in the source: its tokens
 * (strings and comments as the lexer reads them), brackets counted from it. */
static bool closed_later(const Source *src, uint32_t off) {
    Err scratch = {0};
    Lexer lx;
    lex_init(&lx, src, &scratch);
    lx.pos = off;
    int depth = 0;
    for (Token t = lex_next(&lx); t.type != T_EOF && t.type != T_ERROR; t = lex_next(&lx)) {
        if (t.type == T_LPAREN || t.type == T_LBRACKET || t.type == T_LBRACE)
            depth++;
        else if ((t.type == T_RPAREN || t.type == T_RBRACKET || t.type == T_RBRACE) && --depth == 0)
            return true;
    }
    return false;
}

static bool expect_close(Parser *p, TokType t, Token open, const char *hint) {
    if (check(p, t) || p->cur.type == T_ERROR) return expect(p, t, hint);
    int l1, l2, c;
    src_linecol(p->src, open.off, &l1, &c);
    src_linecol(p->src, p->cur.off, &l2, &c);
    /* on its own line, or closed further on (a comma missing between lines): the
     * problem is here */
    if ((l1 == l2 && p->cur.type != T_EOF) || closed_later(p->src, open.off))
        return expect(p, t, hint);
    char h[200], what[8];
    snprintf(h, sizeof h, "add %s to close it (on line %d)%s%s", tok_name(t), l1,
             hint ? "; if it goes on, " : "", hint ? hint : "");
    snprintf(what, sizeof what, "'%.1s'", p->src->text + open.off);
    return fail_at(p, open, h, "unclosed %s (opened here)", what);
}

static Ast *node(Parser *p, AstKind k, Token t) {
    Ast *n = anew(p, sizeof *n);
    n->kind = k;
    n->off = t.off;
    n->len = t.len;
    return n;
}

/* Extends a node's source range to the end of the previous token. */
static void finish(Parser *p, Ast *n, uint32_t end) {
    if (end > n->off) n->len = end - n->off;
}

static uint32_t tok_end(Token t) {
    return t.off + t.len;
}

/* Growable arrays in the arena: doubling copies, fine for small lists. */
typedef struct {
    Ast **v;
    uint32_t *names, *lens;
    Ast **named;
    unsigned n, cap, nn, ncap;
} Args;

static void push_arg(Parser *p, Args *a, Ast *x) {
    if (a->n == a->cap) {
        unsigned cap = a->cap ? a->cap * 2 : 4;
        Ast **v = anew(p, cap * sizeof *v);
        if (a->n) memcpy(v, a->v, a->n * sizeof *v);
        a->v = v;
        a->cap = cap;
    }
    a->v[a->n++] = x;
}

static void push_named(Parser *p, Args *a, Token name, Ast *x) {
    if (a->nn == a->ncap) {
        unsigned cap = a->ncap ? a->ncap * 2 : 4;
        uint32_t *nm = anew(p, cap * sizeof *nm), *ln = anew(p, cap * sizeof *ln);
        Ast **v = anew(p, cap * sizeof *v);
        if (a->nn) {
            memcpy(nm, a->names, a->nn * sizeof *nm);
            memcpy(ln, a->lens, a->nn * sizeof *ln);
            memcpy(v, a->named, a->nn * sizeof *v);
        }
        a->names = nm;
        a->lens = ln;
        a->named = v;
        a->ncap = cap;
    }
    a->names[a->nn] = name.off;
    a->lens[a->nn] = name.len;
    a->named[a->nn++] = x;
}

static void take_args(Ast *n, Args *a) {
    n->kids = a->v;
    n->nkids = a->n;
    n->names = a->names;
    n->name_lens = a->lens;
    n->named = a->named;
    n->nnamed = a->nn;
}

/* The ways of an operator's structure (x.add.out(y)): stdlib/ops.c has them
 * as methods "add.out" and so on. */
static bool is_way(const char *s, size_t n) {
    static const char *const WAYS[] = {"in",         "out",   "mix",    "squeeze",
                                       "squeezeout", "reset", "restart"};
    for (size_t i = 0; i < sizeof WAYS / sizeof WAYS[0]; i++)
        if (strlen(WAYS[i]) == n && !strncmp(WAYS[i], s, n)) return true;
    return false;
}

/* The operators that have ways (stdlib/ops.c). */
static bool is_operator(const char *s, size_t n) {
    static const char *const OPS[] = {"add",     "sub", "mul",  "div",  "mod", "set",  "keep",
                                      "keepif",  "pow", "log2", "band", "bor", "bxor", "blshift",
                                      "brshift", "lt",  "gt",   "lte",  "gte", "eq",   "eqt",
                                      "ne",      "net", "and",  "or",   "func"};
    for (size_t i = 0; i < sizeof OPS / sizeof OPS[0]; i++)
        if (strlen(OPS[i]) == n && !strncmp(OPS[i], s, n)) return true;
    return false;
}

/* ---- expressions ---- */

static Ast *expr(Parser *p);

static bool enter(Parser *p) {
    if (++p->depth > MAX_NEST) {
        fail_at(p, p->cur, "split it into named parts (a = ..., b = a.fast(2), ...)",
                "expression too deep: more than %s levels of nesting or links in one chain", "200");
        return false;
    }
    return true;
}

/* One more link of a left-leaning chain (a + b + c, x.f().g()): the tree
 * grows one level deeper without the parser recursing, so each link counts
 * as a level of nesting, and the compiler, which walks the tree recursively,
 * stays within its stack. The caller gives the levels back when the chain
 * ends. */
static bool chain_link(Parser *p) {
    if (++p->depth > MAX_NEST) {
        fail_at(p, p->cur, "split it into named parts (a = ..., b = a.fast(2), ...)",
                "expression too deep: more than %s levels of nesting or links in one chain", "200");
        return false;
    }
    return true;
}

/* ( args ) after the '(' : positional and name: value arguments. */
static bool call_args(Parser *p, Args *a, Token open) {
    skip_newlines(p);
    while (!check(p, T_RPAREN)) {
        if (check(p, T_NAME) && p->next.type == T_COLON) {
            Token name = p->cur;
            advance(p);
            advance(p);
            Ast *v = expr(p);
            if (!v) return false;
            push_named(p, a, name, v);
        } else {
            if (a->nn) {
                return fail_at(p, p->cur, "put named arguments (name: value) last",
                               "%s after a named argument", "positional argument");
            }
            Ast *v = expr(p);
            if (!v) return false;
            push_arg(p, a, v);
        }
        skip_newlines(p);
        if (!match(p, T_COMMA)) break;
        skip_newlines(p);
    }
    /* s(bd sn): words where a pattern goes, without its quotes (on one line, in a
     * call whose argument is written in quotes) */
    size_t cl;
    bool pattern_call = quoted_call(p->src, open.off, &cl);
    int la, lc, col;
    src_linecol(p->src, open.off, &la, &col);
    src_linecol(p->src, p->cur.off, &lc, &col);
    if (pattern_call && la == lc && a->n && a->v[a->n - 1]->kind == A_NAME && check(p, T_NAME) &&
        !a->nn)
        return fail_at(p, p->cur, "mini-notation goes in double quotes: s(\"bd sn\")",
                       "expected ')' or ',', found %s", tok_name(p->cur.type));
    return expect_close(p, T_RPAREN, open, "separate arguments with ','");
}

static Ast *lambda_body(Parser *p, Ast *lam) {
    skip_newlines(p);
    Ast *body = expr(p);
    if (!body) return NULL;
    lam->a = body;
    finish(p, lam, body->off + body->len);
    return lam;
}

/* Tries `(a, b) =>`: restores everything if it is not a lambda. */
static Ast *try_paren_lambda(Parser *p) {
    Parser save = *p;
    Token open = p->cur;
    advance(p);
    Args params = {0};
    while (check(p, T_NAME)) {
        push_named(p, &params, p->cur, NULL);
        advance(p);
        if (!match(p, T_COMMA)) break;
    }
    if (match(p, T_RPAREN) && check(p, T_ARROW)) {
        advance(p);
        Ast *lam = node(p, A_LAMBDA, open);
        lam->names = params.names;
        lam->name_lens = params.lens;
        lam->nnamed = params.nn;
        return lambda_body(p, lam);
    }
    AstArena *arena = p->arena; /* keep allocations (freed with the program) */
    *p = save;
    p->arena = arena;
    return NULL;
}

static Ast *primary(Parser *p) {
    Token t = p->cur;
    switch (t.type) {
    case T_NUMBER: {
        advance(p);
        Ast *n = node(p, A_NUM, t);
        n->num = unit_apply(t.num, (Unit)t.unit);
        return n;
    }
    case T_STRING:
    case T_TEXT: {
        advance(p);
        Ast *n = node(p, t.type == T_STRING ? A_MINI : A_TEXT, t);
        return n;
    }
    case T_TRUE: advance(p); return node(p, A_TRUE, t);
    case T_FALSE: advance(p); return node(p, A_FALSE, t);
    case T_NIL: advance(p); return node(p, A_NIL, t);
    case T_NAME: {
        advance(p);
        if (check(p, T_ARROW)) { /* x => body */
            advance(p);
            Ast *lam = node(p, A_LAMBDA, t);
            Args params = {0};
            push_named(p, &params, t, NULL);
            lam->names = params.names;
            lam->name_lens = params.lens;
            lam->nnamed = 1;
            return lambda_body(p, lam);
        }
        Ast *n = node(p, A_NAME, t);
        n->name_off = t.off;
        n->name_len = t.len;
        return n;
    }
    case T_LPAREN: {
        Ast *lam = try_paren_lambda(p);
        if (lam || failed(p)) return lam;
        advance(p);
        skip_newlines(p);
        Ast *e = expr(p);
        if (!e) return NULL;
        skip_newlines(p);
        if (!expect_close(p, T_RPAREN, t, NULL)) return NULL;
        return e;
    }
    case T_LBRACKET: {
        advance(p);
        Ast *n = node(p, A_LIST, t);
        Args a = {0};
        skip_newlines(p);
        while (!check(p, T_RBRACKET) && !check(p, T_EOF)) {
            Ast *e = expr(p);
            if (!e) return NULL;
            push_arg(p, &a, e);
            skip_newlines(p);
            if (!match(p, T_COMMA)) break;
            skip_newlines(p);
        }
        if (!expect_close(p, T_RBRACKET, t, "separate list items with ','")) return NULL;
        take_args(n, &a);
        finish(p, n, tok_end(t));
        return n;
    }
    case T_LBRACE: {
        advance(p);
        Ast *n = node(p, A_RECORD, t);
        Args a = {0};
        skip_newlines(p);
        while (!check(p, T_RBRACE) && !check(p, T_EOF)) {
            Token key = p->cur;
            if (!check(p, T_NAME) && !check(p, T_TEXT))
                return fail_at(p, key, "records look like { gain: 0.5, pan: 0.3 }",
                               "expected a field name, found %s", tok_name(key.type)),
                       NULL;
            advance(p);
            if (key.type == T_TEXT) key.off++, key.len -= 2;
            if (!expect(p, T_COLON, "records look like { gain: 0.5, pan: 0.3 }")) return NULL;
            Ast *v = expr(p);
            if (!v) return NULL;
            push_named(p, &a, key, v);
            skip_newlines(p);
            if (!match(p, T_COMMA)) break;
            skip_newlines(p);
        }
        if (!expect_close(p, T_RBRACE, t, "separate fields with ','")) return NULL;
        take_args(n, &a);
        return n;
    }
    case T_ERROR: return NULL;
    default: {
        const char *hint = NULL;
        if (t.type == T_DOT)
            hint = "a chain starts with a value: s(\"bd sn\").fast(2) (a line that starts with "
                   "'.' goes on from the line above)";
        else if (t.type == T_NEWLINE || t.type == T_EOF)
            hint = "the line ends before the value it needs: finish it, e.g. d = s(\"bd\")";
        else if (t.type == T_RPAREN || t.type == T_RBRACKET || t.type == T_RBRACE)
            hint = "something is missing before this bracket (a value after ',' or an operator?)";
        return fail_at(p, t, hint, "expected a value, found %s", tok_name(t.type)), NULL;
    }
    }
}

static Ast *postfix(Parser *p) {
    Ast *e = primary(p);
    int links = 0;
    while (e) {
        /* a newline followed by '.' continues a method chain */
        if (check(p, T_NEWLINE) && p->next.type == T_DOT) advance(p);
        if ((check(p, T_LPAREN) || check(p, T_DOT)) && !(links++, chain_link(p))) {
            e = NULL;
            break;
        }
        if (check(p, T_LPAREN)) {
            Token open = p->cur;
            advance(p);
            Ast *call = node(p, A_CALL, open);
            call->off = e->off;
            call->a = e;
            Args a = {0};
            if (!call_args(p, &a, open)) {
                e = NULL;
                break;
            }
            take_args(call, &a);
            finish(p, call, tok_end(open));
            e = call;
        } else if (check(p, T_LBRACKET) && !p->cur.space_before) {
            /* JavaScript's x[i]: an item of a list, a field of a record */
            Token open = p->cur;
            advance(p);
            Ast *ix = expr(p);
            Token close = p->cur;
            if (!ix || !expect(p, T_RBRACKET, "an index looks like haps[2]")) {
                e = NULL;
                break;
            }
            Ast *b = node(p, A_BINARY, open);
            b->off = e->off;
            b->op = T_LBRACKET;
            b->a = e;
            b->b = ix;
            finish(p, b, tok_end(close));
            e = b;
        } else if (check(p, T_STRING) && p->src->text[p->cur.off] == '`') {
            /* JavaScript's tagged template: f`text` calls f with the text */
            Token str = p->cur;
            advance(p);
            Ast *call = node(p, A_CALL, str);
            call->off = e->off;
            call->a = e;
            Args a = {0};
            push_arg(p, &a, node(p, A_TEXT, str)); /* its text as written, not mini-notation */
            take_args(call, &a);
            finish(p, call, tok_end(str));
            e = call;
        } else if (check(p, T_DOT)) {
            advance(p);
            Token name = p->cur;
            if (check(p, T_AND) || check(p, T_OR) || check(p, T_IN)) /* x.and(y), x.in(y) */
                name.type = p->cur.type = T_NAME;
            if (!check(p, T_NAME)) {
                fail_at(p, name, "a method call looks like x.fast(2)",
                        "expected a function name after '.', found %s", tok_name(name.type));
                e = NULL;
                break;
            }
            advance(p);
            Ast *m = node(p, A_METHOD, name);
            m->a = e;
            m->name_off = name.off;
            m->name_len = name.len;
            /* Strudel's x.add.out(y): an operator with the way of its structure, read as
             * the one method "add.out" */
            if (check(p, T_DOT) && !p->cur.space_before &&
                (p->next.type == T_NAME || p->next.type == T_IN) && !p->next.space_before &&
                is_operator(p->src->text + name.off, name.len) &&
                is_way(p->src->text + p->next.off, p->next.len)) {
                advance(p);
                m->name_len = tok_end(p->cur) - name.off;
                advance(p);
            }
            if (check(p, T_LPAREN)) {
                Token open = p->cur;
                advance(p);
                Args a = {0};
                if (!call_args(p, &a, open)) {
                    e = NULL;
                    break;
                }
                take_args(m, &a);
            }
            e = m;
        } else {
            break;
        }
    }
    p->depth -= links;
    return e;
}

static Ast *unary(Parser *p) {
    if (check(p, T_MINUS)) {
        Token t = p->cur;
        advance(p);
        if (check(p, T_NUMBER) && !p->cur.space_before) {
            /* -6dB is 10^(-6/20): the sign belongs to the number, before its unit */
            Token n = p->cur;
            advance(p);
            Ast *num = node(p, A_NUM, t);
            num->num = unit_apply(-n.num, (Unit)n.unit);
            finish(p, num, tok_end(n));
            /* a method on a negative literal: -1.fast(2) is (-1).fast(2) */
            return num;
        }
        if (!enter(p)) return NULL;
        Ast *x = unary(p);
        p->depth--;
        if (!x) return NULL;
        Ast *n = node(p, A_UNARY, t);
        n->op = T_MINUS;
        n->a = x;
        return n;
    }
    if (check(p, T_NOT)) {
        Token t = p->cur;
        advance(p);
        if (!enter(p)) return NULL;
        Ast *x = unary(p);
        p->depth--;
        if (!x) return NULL;
        Ast *n = node(p, A_UNARY, t);
        n->op = T_NOT;
        n->a = x;
        return n;
    }
    return postfix(p);
}

/* Binary operators by precedence, lowest first. */
static int prec(TokType t) {
    switch (t) {
    case T_OR: return 1;
    case T_AND: return 2;
    case T_EQ:
    case T_NE:
    case T_LT:
    case T_LE:
    case T_GT:
    case T_GE: return 3;
    case T_PLUS:
    case T_MINUS: return 4;
    case T_STAR:
    case T_SLASH:
    case T_PERCENT: return 5;
    default: return 0;
    }
}

static Ast *binary(Parser *p, int min) {
    if (!enter(p)) return NULL;
    Ast *l = unary(p);
    int links = 0;
    while (l && prec(p->cur.type) >= min) {
        if (!(links++, chain_link(p))) {
            l = NULL;
            break;
        }
        Token op = p->cur;
        int pr = prec(op.type);
        advance(p);
        skip_newlines(p);
        Ast *r = binary(p, pr + 1);
        if (!r) {
            l = NULL;
            break;
        }
        Ast *n = node(p, op.type == T_AND ? A_AND : op.type == T_OR ? A_OR : A_BINARY, op);
        n->op = op.type;
        n->a = l;
        n->b = r;
        l = n;
    }
    p->depth -= 1 + links;
    return l;
}

static Ast *expr(Parser *p) {
    Token t = p->cur;
    if (!enter(p)) return NULL;
    Ast *r = NULL;
    if (match(p, T_IF)) {
        Ast *n = node(p, A_IF, t);
        if ((n->a = expr(p)) &&
            (skip_newlines(p), expect(p, T_THEN, "write: if c then a else b")) &&
            (skip_newlines(p), n->b = expr(p)) &&
            (skip_newlines(p), expect(p, T_ELSE, "an 'if' needs an 'else'")) &&
            (skip_newlines(p), n->c = expr(p)))
            r = n;
    } else if (match(p, T_LET)) {
        Ast *n = node(p, A_LET, t);
        Token name = p->cur;
        if (expect(p, T_NAME, "write: let x = 1 in x + 2")) {
            n->name_off = name.off;
            n->name_len = name.len;
            if (expect(p, T_ASSIGN, "write: let x = 1 in x + 2") && (n->a = expr(p)) &&
                (skip_newlines(p), expect(p, T_IN, "write: let x = 1 in x + 2")) &&
                (skip_newlines(p), n->b = expr(p)))
                r = n;
        }
    } else if (match(p, T_FN)) {
        /* fn (a, b) => body, also written fn(a, b) = body */
        Ast *lam = node(p, A_LAMBDA, t);
        Args params = {0};
        if (expect(p, T_LPAREN, "write: fn(x) => x.fast(2)")) {
            while (check(p, T_NAME)) {
                push_named(p, &params, p->cur, NULL);
                advance(p);
                if (!match(p, T_COMMA)) break;
            }
            lam->names = params.names;
            lam->name_lens = params.lens;
            lam->nnamed = params.nn;
            if (expect(p, T_RPAREN, "parameters are names separated by ','") &&
                (match(p, T_ARROW) || expect(p, T_ASSIGN, "write: fn(x) => x.fast(2)")))
                r = lambda_body(p, lam);
        }
    } else {
        r = binary(p, 1);
        if (r && check(p, T_QUESTION)) { /* JavaScript's c ? a : b is if c then a else b */
            Ast *n = node(p, A_IF, p->cur);
            n->off = r->off;
            advance(p);
            skip_newlines(p);
            n->a = r;
            r = NULL;
            if ((n->b = expr(p)) && (skip_newlines(p), expect(p, T_COLON, "write: c ? a : b")) &&
                (skip_newlines(p), n->c = expr(p)))
                r = n;
        }
    }
    p->depth--;
    return r;
}

/* ---- statements ---- */

static bool is_word(Parser *p, Token t, const char *w) {
    return t.type == T_NAME && t.len == strlen(w) && memcmp(p->src->text + t.off, w, t.len) == 0;
}

/* NAME SEP expr, a statement of kind k named NAME: `name = expr` (S_DEF) and
 * Strudel's `name: pattern` block (S_LABEL, `$: pattern` too). */
static Ast *named_statement(Parser *p, Token t, AstKind k) {
    advance(p);
    advance(p);
    skip_newlines(p);
    Ast *n = node(p, k, t);
    n->name_off = t.off;
    n->name_len = t.len;
    return (n->a = expr(p)) ? n : NULL;
}

/* JavaScript's `const x = ...` / `let x = ...` / `var x = ...` (a definition),
 * unless an `in` follows: then it is tala's `let x = a in b`. */
static Ast *js_binding(Parser *p, Token t) {
    advance(p);
    Token name = p->cur;
    advance(p);
    advance(p); /* = */
    skip_newlines(p);
    Ast *v = expr(p);
    if (!v) return NULL;
    if (t.type == T_LET && (check(p, T_IN) || (check(p, T_NEWLINE) && p->next.type == T_IN))) {
        skip_newlines(p);
        advance(p);
        skip_newlines(p);
        Ast *let = node(p, A_LET, t);
        let->name_off = name.off;
        let->name_len = name.len;
        let->a = v;
        if (!(let->b = expr(p))) return NULL;
        Ast *n = node(p, S_EXPR, t);
        n->a = let;
        return n;
    }
    Ast *n = node(p, S_DEF, name);
    n->name_off = name.off;
    n->name_len = name.len;
    n->a = v;
    return n;
}

static Ast *statement(Parser *p) {
    Token t = p->cur;
    /* JavaScript's `await` before a call (Strudel's samples, loadCsound): nothing to wait for */
    if (is_word(p, t, "await") && p->next.type != T_ASSIGN && p->next.type != T_NEWLINE &&
        p->next.type != T_EOF && p->next.type != T_DOT && p->next.type != T_LPAREN) {
        advance(p);
        t = p->cur;
    }
    /* name: pattern */
    if (t.type == T_NAME && p->next.type == T_COLON) return named_statement(p, t, S_LABEL);
    /* const x = ..., let x = ... */
    if ((t.type == T_LET || is_word(p, t, "const") || is_word(p, t, "var")) &&
        p->next.type == T_NAME) {
        Parser save = *p;
        advance(p);
        bool binding = p->next.type == T_ASSIGN;
        AstArena *arena = p->arena;
        *p = save;
        p->arena = arena;
        if (binding) return js_binding(p, t);
    }
    /* master = chain */
    if (is_word(p, t, "master") && p->next.type == T_ASSIGN) {
        advance(p);
        advance(p);
        skip_newlines(p);
        Ast *n = node(p, S_MASTER, t);
        return (n->a = expr(p)) ? n : NULL;
    }
    /* name = expr  |  fn name(params) = expr */
    if (t.type == T_NAME && p->next.type == T_ASSIGN) return named_statement(p, t, S_DEF);
    if (t.type == T_FN && p->next.type == T_NAME) {
        advance(p);
        Token name = p->cur;
        advance(p);
        Ast *lam = node(p, A_LAMBDA, t);
        Args params = {0};
        if (!expect(p, T_LPAREN, "write: fn name(x, y) = body")) return NULL;
        while (check(p, T_NAME)) {
            push_named(p, &params, p->cur, NULL);
            advance(p);
            if (!match(p, T_COMMA)) break;
        }
        lam->names = params.names;
        lam->name_lens = params.lens;
        lam->nnamed = params.nn;
        if (!expect(p, T_RPAREN, "parameters are names separated by ','")) return NULL;
        if (!match(p, T_ARROW) && !expect(p, T_ASSIGN, "write: fn name(x, y) = body")) return NULL;
        if (!lambda_body(p, lam)) return NULL;
        Ast *n = node(p, S_DEF, name);
        n->name_off = name.off;
        n->name_len = name.len;
        n->a = lam;
        return n;
    }
    /* synth name(params) = body */
    if (is_word(p, t, "synth") && p->next.type == T_NAME) {
        advance(p);
        Token name = p->cur;
        advance(p);
        Ast *lam = node(p, A_LAMBDA, t);
        Args params = {0};
        if (!expect(p, T_LPAREN, "write: synth name(freq, gate) = saw(freq) * env()")) return NULL;
        while (check(p, T_NAME)) { /* name, or name = number: its value when not given */
            Token pn = p->cur;
            advance(p);
            Ast *dflt = NULL;
            if (match(p, T_ASSIGN)) {
                if (!(check(p, T_NUMBER) || (check(p, T_MINUS) && p->next.type == T_NUMBER))) {
                    fail_at(p, p->cur, "write: synth pad(freq, gate, attack = 0.35) = ...", "%s",
                            "a synth parameter's default is a number");
                    return NULL;
                }
                if (!(dflt = unary(p))) return NULL;
            }
            push_named(p, &params, pn, dflt);
            if (!match(p, T_COMMA)) break;
        }
        lam->named = params.named;
        lam->names = params.names;
        lam->name_lens = params.lens;
        lam->nnamed = params.nn;
        if (!expect(p, T_RPAREN, "parameters are names separated by ','")) return NULL;
        if (!expect(p, T_ASSIGN, "write: synth name(freq, gate) = saw(freq) * env()")) return NULL;
        if (!lambda_body(p, lam)) return NULL;
        Ast *n = node(p, S_SYNTH, name);
        n->name_off = name.off;
        n->name_len = name.len;
        n->a = lam;
        return n;
    }
    /* bus name = chain */
    if (is_word(p, t, "bus") && p->next.type == T_NAME) {
        advance(p);
        Token name = p->cur;
        advance(p);
        if (!expect(p, T_ASSIGN, "write: bus verb = reverb(size: 0.8)")) return NULL;
        skip_newlines(p);
        Ast *n = node(p, S_BUS, name);
        n->name_off = name.off;
        n->name_len = name.len;
        return (n->a = expr(p)) ? n : NULL;
    }
    /* mix name { settings } */
    if (is_word(p, t, "mix") && p->next.type == T_NAME) {
        advance(p);
        Token name = p->cur;
        advance(p);
        if (!check(p, T_LBRACE))
            return fail_at(p, p->cur, "write: mix keys { gain: -6, pan: 0.3 }",
                           "expected '{' with the channel settings, found %s",
                           tok_name(p->cur.type)),
                   NULL;
        Ast *n = node(p, S_MIX, name);
        n->name_off = name.off;
        n->name_len = name.len;
        return (n->a = expr(p)) ? n : NULL;
    }
    /* tempo 124 */
    if (is_word(p, t, "tempo") && p->next.type != T_ASSIGN && p->next.type != T_DOT &&
        p->next.type != T_LPAREN && p->next.type != T_NEWLINE && p->next.type != T_EOF) {
        advance(p);
        Ast *n = node(p, S_TEMPO, t);
        return (n->a = expr(p)) ? n : NULL;
    }
    /* play a, b, c */
    if (is_word(p, t, "play") && p->next.type == T_NAME) {
        advance(p);
        Ast *n = node(p, S_PLAY, t);
        Args a = {0};
        do {
            skip_newlines(p);
            Token name = p->cur;
            if (!expect(p, T_NAME, "write: play drums, bass")) return NULL;
            Ast *x = node(p, A_NAME, name);
            x->name_off = name.off;
            x->name_len = name.len;
            push_arg(p, &a, x);
        } while (match(p, T_COMMA));
        take_args(n, &a);
        return n;
    }
    Ast *n = node(p, S_EXPR, t);
    return (n->a = expr(p)) ? n : NULL;
}

static void init(Parser *p, const Source *src, Err *err) {
    memset(p, 0, sizeof *p);
    p->src = src;
    p->err = err;
    lex_init(&p->lx, src, err);
    p->next = lex_next(&p->lx);
    advance(p);
}

static bool end_statement(Parser *p) {
    if (check(p, T_NEWLINE) || check(p, T_EOF)) return true;
    if (p->cur.type == T_ERROR) return false;
    bool closer = check(p, T_RPAREN) || check(p, T_RBRACKET) || check(p, T_RBRACE);
    /* .fast 2: a name, a space, its argument: the brackets are missing */
    const char *t = p->src->text, *b = t + p->cur.off;
    while (b > t && (b[-1] == ' ' || b[-1] == '\t')) b--;
    const char *w = b;
    while (w > t && (isalnum((unsigned char)w[-1]) || w[-1] == '_')) w--;
    bool bare_arg = w < b && b < t + p->cur.off && w > t && w[-1] == '.' &&
                    (isalpha((unsigned char)*w) || *w == '_') &&
                    (check(p, T_NUMBER) || check(p, T_STRING) || check(p, T_NAME));
    char hint[160];
    if (bare_arg)
        snprintf(hint, sizeof hint, "arguments go in brackets: %.*s(%.*s)", (int)(b - w), w,
                 (int)(p->cur.len < 40 ? p->cur.len : 40), t + p->cur.off);
    return fail_at(p, p->cur,
                   bare_arg ? hint
                   : closer ? "one closing bracket too many: remove it (or open one before it)"
                            : "put each statement on its own line",
                   "expected the end of the line, found %s", tok_name(p->cur.type));
}

bool parse_program(const Source *src, Program *out, Err *err) {
    Parser p;
    init(&p, src, err);
    Args stmts = {0};
    skip_newlines(&p);
    while (!check(&p, T_EOF) && !failed(&p)) {
        Ast *s = statement(&p);
        if (!s || !end_statement(&p)) break;
        push_arg(&p, &stmts, s);
        skip_newlines(&p);
    }
    out->src = src;
    out->stmts = stmts.v;
    out->nstmts = stmts.n;
    out->arena = p.arena;
    if (failed(&p) || p.cur.type == T_ERROR) {
        if (!err->set) err_set(err, srcref(src, p.cur.off, 1), "syntax error");
        program_free(out);
        return false;
    }
    return true;
}

bool parse_expression(const Source *src, Program *out, Err *err) {
    Parser p;
    init(&p, src, err);
    skip_newlines(&p);
    Ast *e = expr(&p);
    if (e) {
        skip_newlines(&p);
        if (!check(&p, T_EOF))
            fail_at(&p, p.cur, NULL, "expected the end of the expression, found %s",
                    tok_name(p.cur.type));
    }
    out->src = src;
    out->arena = p.arena;
    if (!e || failed(&p)) {
        if (!err->set) err_set(err, srcref(src, p.cur.off, 1), "syntax error");
        program_free(out);
        return false;
    }
    Ast *s = node(&p, S_EXPR, (Token){.off = e->off, .len = e->len});
    s->a = e;
    Ast **stmts = anew(&p, sizeof *stmts);
    stmts[0] = s;
    out->stmts = stmts;
    out->nstmts = 1;
    out->arena = p.arena;
    return true;
}
