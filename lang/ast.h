/*
 * ast.h - the syntax tree: tokens -> (parser) AST -> (compiler) bytecode.
 *
 * Every node has the source bytes it came from, so the compiler and the VM
 * can report errors at file:line:col. Nodes live in an arena owned by the
 * Ast and are freed together after compilation.
 */
#ifndef TALA_AST_H
#define TALA_AST_H

#include "../vm/error.h"
#include "lexer.h"

typedef enum {
    A_NUM,  /* num */
    A_MINI, /* "..." : off/len of the contents */
    A_TEXT, /* '...' */
    A_NAME, /* name */
    A_TRUE,
    A_FALSE,
    A_NIL,
    A_LIST,   /* kids */
    A_RECORD, /* kids are values, names the keys */
    A_CALL,   /* a = callee; kids = positional args; named args in names/named */
    A_METHOD, /* a = subject; name; kids/named as A_CALL; x.f(args) = f(args, x) */
    A_BINARY, /* op, a, b */
    A_UNARY,  /* op, a */
    A_AND,
    A_OR,
    A_LAMBDA, /* params in names, a = body */
    A_IF,     /* a ? b : c */
    A_LET,    /* let name = a in b */
    /* statements */
    S_EXPR,   /* a */
    S_DEF,    /* name = a */
    S_PLAY,   /* kids: the names played */
    S_TEMPO,  /* a */
    S_SYNTH,  /* synth name(params) = body: a is the lambda */
    S_BUS,    /* bus name = a (an effect chain) */
    S_MASTER, /* master = a */
    S_MIX,    /* mix name a (a record) */
    S_LABEL   /* name: a (Strudel's labelled block; `$: a` too) */
} AstKind;

typedef struct Ast Ast;
struct Ast {
    AstKind kind;
    uint32_t off, len; /* source bytes */
    double num;
    TokType op;
    uint32_t name_off, name_len; /* A_NAME, A_METHOD, S_DEF, A_LET */
    Ast *a, *b, *c;
    Ast **kids;
    unsigned nkids;
    /* named arguments (A_CALL, A_METHOD), record keys (A_RECORD), params
     * (A_LAMBDA): offsets of the names in the source */
    uint32_t *names, *name_lens;
    Ast **named;
    unsigned nnamed;
};

typedef struct AstArena AstArena;

typedef struct {
    const Source *src;
    Ast **stmts;
    unsigned nstmts;
    AstArena *arena;
} Program;

/* Parses a whole source. False with *err set (positioned) on a syntax error. */
bool parse_program(const Source *src, Program *out, Err *err);
/* Parses src as one expression (for `tala query`). */
bool parse_expression(const Source *src, Program *out, Err *err);
void program_free(Program *p);
/* Whether the '(' at paren opens a call whose argument is written in double
 * quotes (s, sound, note, n, bank, scale, chord, vowel, mini, m): for the
 * hints about missing quotes; *len is the callee's length. */
bool quoted_call(const Source *src, uint32_t paren, size_t *len);

#endif
