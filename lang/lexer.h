/*
 * lexer.h - tala source text -> tokens.
 *
 * The first step of source -> tokens -> AST -> bytecode. Tokens point into
 * the Source text (no copies); the parser pulls them one at a time. Comments
 * are `--` or `//` to the end of the line. Numbers may carry a musician's
 * unit (`-6dB`, `250ms`, `2s`, `440hz`); a double-quoted string is
 * mini-notation and is kept verbatim (its contents are parsed later, in
 * place, so errors inside it keep file positions).
 */
#ifndef TALA_LEXER_H
#define TALA_LEXER_H

#include "../vm/error.h"

typedef enum {
    T_EOF,
    T_ERROR,
    T_NAME,
    T_NUMBER,
    T_STRING, /* "mini-notation" */
    T_TEXT,   /* 'plain text' */
    /* keywords */
    T_LET,
    T_IN,
    T_IF,
    T_THEN,
    T_ELSE,
    T_FN,
    T_TRUE,
    T_FALSE,
    T_NIL,
    T_AND,
    T_OR,
    T_NOT,
    /* punctuation */
    T_LPAREN,
    T_RPAREN,
    T_LBRACKET,
    T_RBRACKET,
    T_LBRACE,
    T_RBRACE,
    T_COMMA,
    T_DOT,
    T_COLON,
    T_ASSIGN, /* = */
    T_ARROW,  /* => */
    T_PLUS,
    T_MINUS,
    T_STAR,
    T_SLASH,
    T_PERCENT,
    T_EQ,
    T_NE,
    T_LT,
    T_LE,
    T_GT,
    T_GE,
    T_QUESTION, /* JavaScript's c ? a : b */
    T_NEWLINE,  /* significant only between statements */
} TokType;

typedef enum { U_NONE, U_DB, U_MS, U_KHZ } Unit;

/* The value of a number token with its unit applied, sign included
 * (-6dB is 10^(-6/20), so the sign must be applied before the unit). */
double unit_apply(double v, Unit u);

typedef struct {
    TokType type;
    uint32_t off, len; /* bytes of the token in the source */
    double num;        /* T_NUMBER, as written (the unit is not applied yet) */
    uint8_t unit;      /* T_NUMBER: a Unit */
    bool space_before; /* whitespace or a comment precedes it */
} Token;

typedef struct {
    const Source *src;
    uint32_t pos;
    int depth; /* open brackets: newlines inside them are not statement ends */
    Err *err;
} Lexer;

void lex_init(Lexer *lx, const Source *src, Err *err);
/* The next token; T_ERROR with lx->err set on a malformed token. */
Token lex_next(Lexer *lx);

const char *tok_name(TokType t);

#endif
