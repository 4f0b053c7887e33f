/*
 * mini.c - mini-notation parser and pattern builder.
 *
 * The parser is a backtracking recursive descent that follows Strudel's
 * PEG grammar (krill.pegjs) rule for rule, whitespace included, because
 * where whitespace may go is part of the language ("bd@ 3" is bd@2 then 3).
 * Like a PEG parser it remembers the furthest point where an alternative
 * failed and what it wanted there; that becomes the error message, with
 * special messages for brackets left open or closed by the wrong bracket.
 *
 * The builder then turns the tree into patterns the way Strudel's mini.mjs
 * does: sequences are timeCat of their steps' weights, < > is a sequence
 * slowed by its total weight, { } fits every part to the first part's step
 * count, and each step's operators apply in the order written.
 */
#include "mini.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NEST    100
#define RAND_OFFSET 0.0003 /* Strudel's per-operator shift of the random signal */

/* ---------------------------------------------------------------- tree */

typedef enum { N_ATOM, N_SEQ, N_GROUP } NodeType;
typedef enum { G_STACK, G_RAND, G_FEET, G_POLY, G_SLOWCAT } Align;
typedef enum { O_WEIGHT, O_EUCLID, O_SLOW, O_FAST, O_REPLICATE, O_DEGRADE, O_TAIL, O_RANGE } OpType;

typedef struct MNode MNode;
typedef struct MElem MElem;
typedef struct MOp MOp;

struct MOp {
    OpType type;
    size_t off, len;  /* the operator and its argument, for error positions */
    MNode *a, *b, *c; /* slice arguments */
    Rat num;          /* numeric argument (replicate count, degrade amount) */
    double fnum;      /* the degrade amount as JavaScript read it */
    bool has_num;
    int seed; /* degrade: Strudel's per-parse seed counter */
    MOp *next;
};

struct MElem {
    MNode *slice;
    double weight, reps; /* JavaScript numbers in Strudel; made fractions when built */
    MOp *ops;
    MElem *next;
};

struct MNode {
    NodeType type;
    size_t off, len;
    /* N_SEQ */
    MElem *elems;
    unsigned nelems;
    /* N_GROUP */
    Align align;
    MNode *kids; /* N_SEQ nodes linked through next */
    unsigned nkids;
    MNode *steps; /* { }%steps */
    int seed;
    MNode *next;
};

typedef struct Chunk {
    struct Chunk *next;
    size_t used;
    max_align_t mem[];
} Chunk;

#define CHUNK_BYTES 2048

typedef struct {
    Chunk *head;
} Arena;

/* One chunk is kept between parses: most patterns fit in it, so parsing a
 * program's many short patterns costs no malloc each. (Control thread only,
 * like everything in lang/.) */
static Chunk *spare;

static void *arena_new(Arena *a, size_t size) {
    size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    if (!a->head || a->head->used + size > CHUNK_BYTES) {
        size_t cap = size > CHUNK_BYTES ? size : CHUNK_BYTES;
        Chunk *c;
        if (spare && cap == CHUNK_BYTES) {
            c = spare;
            spare = NULL;
        } else {
            c = malloc(sizeof(Chunk) + cap);
        }
        if (!c) abort();
        c->next = a->head;
        c->used = 0;
        a->head = c;
    }
    void *p = (char *)a->head->mem + a->head->used;
    a->head->used += size;
    memset(p, 0, size);
    return p;
}

static void arena_free(Arena *a) {
    while (a->head) {
        Chunk *n = a->head->next;
        if (!spare && a->head->used <= CHUNK_BYTES && !n) /* the first chunk is the normal size */
            spare = a->head;
        else
            free(a->head);
        a->head = n;
    }
}

/* ---------------------------------------------------------------- parser */

typedef struct {
    const Source *src;
    const char *s;
    size_t pos, end, begin;
    Arena arena;
    int depth, seed;
    /* furthest failure */
    bool failed;
    size_t fpos, fat, flen;
    int fprio;
    char fmsg[200], fhint[200];
    bool lazy;              /* the furthest failure is a fail_step not yet formatted */
    const char *lazy_after; /* its argument (a string literal) */
} P;

/* Records a failure at pos (caret at `at`); the furthest one wins, and at the
 * same place the more specific one (higher prio). */
static void failf(P *p, size_t pos, int prio, size_t at, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static void failf(P *p, size_t pos, int prio, size_t at, const char *hint, const char *fmt, ...) {
    if (p->failed && (pos < p->fpos || (pos == p->fpos && prio <= p->fprio))) return;
    p->failed = true;
    p->lazy = false;
    p->fpos = pos;
    p->fprio = prio;
    p->fat = at;
    p->flen = 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->fmsg, sizeof p->fmsg, fmt, ap);
    va_end(ap);
    snprintf(p->fhint, sizeof p->fhint, "%s", hint ? hint : "");
}

static int peek(P *p) {
    return p->pos < p->end ? (unsigned char)p->s[p->pos] : -1;
}

static bool is_nbsp(P *p, size_t i) {
    return i + 1 < p->end && (unsigned char)p->s[i] == 0xC2 && (unsigned char)p->s[i + 1] == 0xA0;
}

static void ws(P *p) {
    while (p->pos < p->end) {
        char c = p->s[p->pos];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            p->pos++;
        else if (is_nbsp(p, p->pos))
            p->pos += 2;
        else
            break;
    }
}

static bool step_char_at(P *p, size_t i) {
    unsigned char c = (unsigned char)p->s[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    if (c == '~' || c == '-' || c == '#' || c == '.' || c == '^' || c == '_') return true;
    return c >= 0x80 && !is_nbsp(p, i); /* letters of other scripts */
}

/* Describes the character at pos for messages. */
static const char *what(P *p, size_t pos, char *buf, size_t n) {
    if (pos >= p->end) return "the end of the pattern";
    unsigned char c = (unsigned char)p->s[pos];
    if (c < 0x20 || c >= 0x7f)
        snprintf(buf, n, "character 0x%02x", c);
    else
        snprintf(buf, n, "'%c'", c);
    return buf;
}

static MNode *new_node(P *p, NodeType t, size_t off) {
    MNode *n = arena_new(&p->arena, sizeof *n);
    n->type = t;
    n->off = off;
    return n;
}

static MNode *parse_slice(P *p);
static MNode *parse_soc(P *p);
static MNode *parse_sequence(P *p);
static MElem *parse_swo(P *p);

/* Generic "could not parse a step here" failure. */
/* The most common failure (a sequence ends) is recorded without formatting;
 * the message is made only if it is the one reported (see report_step). */
static void fail_step(P *p, size_t pos, const char *after) {
    int prio = after ? 2 : 1;
    if (p->failed && (pos < p->fpos || (pos == p->fpos && prio <= p->fprio))) return;
    p->failed = true;
    p->fpos = pos;
    p->fprio = prio;
    p->fat = pos;
    p->flen = 1;
    p->lazy = true;
    p->lazy_after = after;
}

static void report_step(P *p, size_t pos, const char *after) {
    char b[32];
    int c = pos < p->end ? (unsigned char)p->s[pos] : -1;
    p->failed = false;
    if (after) {
        failf(p, pos, 2, pos, "steps are words (bd, c4), numbers, ~, or groups in [ ], < >, { }",
              "expected a step after %s, found %s", after, what(p, pos, b, sizeof b));
    } else if (c == ']' || c == '>' || c == '}' || c == ')') {
        failf(p, pos, 1, pos, "remove it, or open a matching bracket before it",
              "unexpected '%c': no matching opening bracket", c);
    } else if (c == -1) {
        failf(p, pos, 1, pos, "steps are words (bd, c4), numbers, ~, or groups in [ ], < >, { }",
              "expected a step, found the end of the pattern");
    } else {
        failf(p, pos, 1, pos, "steps are words (bd, c4), numbers, ~, or groups in [ ], < >, { }",
              "unexpected %s", what(p, pos, b, sizeof b));
    }
}

/* step = ws chars:step_char+ ws, except "." and "_" alone */
static MNode *parse_step(P *p) {
    size_t save = p->pos;
    ws(p);
    size_t b = p->pos;
    while (p->pos < p->end && step_char_at(p, p->pos)) p->pos++;
    size_t len = p->pos - b;
    if (len == 0 || (len == 1 && (p->s[b] == '.' || p->s[b] == '_'))) {
        fail_step(p, b, NULL);
        p->pos = save;
        return NULL;
    }
    MNode *n = new_node(p, N_ATOM, b);
    n->len = len;
    ws(p);
    return n;
}

/* The closing bracket did not come: say which bracket is open. */
static void fail_close(P *p, char open, char close, size_t open_at) {
    size_t pos = p->pos;
    char b[32];
    int c = peek(p);
    char hint[80];
    snprintf(hint, sizeof hint, "add '%c' to close it", close);
    if (c == -1) {
        failf(p, pos, 3, open_at, hint, "unclosed '%c' (opened here)", open);
    } else if (c == ']' || c == '>' || c == '}' || c == ')') {
        int line, col;
        src_linecol(p->src, (uint32_t)open_at, &line, &col);
        failf(p, pos, 3, pos, hint, "mismatched '%c': the '%c' at column %d needs '%c'", c, open,
              col, close);
    } else if ((c == '.' || c == '|') && open != '[') {
        failf(p, pos, 2, pos, "'.' and '|' work only at the top level or inside [ ]",
              "'%c' is not allowed inside %c %c", c, open, close);
    } else {
        failf(p, pos, 2, pos, hint, "expected '%c' to close the '%c', found %s", close, open,
              what(p, pos, b, sizeof b));
    }
}

static bool enter(P *p) {
    if (++p->depth > MAX_NEST) {
        failf(p, p->pos, 9, p->pos, "flatten the pattern", "pattern nested too deeply");
        return false;
    }
    return true;
}

/* sub_cycle = ws "[" ws stack_or_choose ws "]" ws */
static MNode *parse_sub_cycle(P *p) {
    size_t save = p->pos;
    ws(p);
    if (peek(p) != '[') goto fail;
    size_t open = p->pos++;
    if (!enter(p)) goto fail;
    ws(p);
    if (peek(p) == ']') {
        failf(p, p->pos, 2, p->pos, "write ~ for a rest", "empty [ ]: expected a step inside");
        p->depth--;
        goto fail;
    }
    MNode *n = parse_soc(p);
    p->depth--;
    if (!n) goto fail;
    ws(p);
    if (peek(p) != ']') {
        fail_close(p, '[', ']', open);
        goto fail;
    }
    p->pos++;
    ws(p);
    return n;
fail:
    p->pos = save;
    return NULL;
}

/* polymeter_stack = sequence stack_tail? (always a group) */
static MNode *parse_polystack(P *p, Align align, char open, size_t open_at) {
    MNode *g = new_node(p, N_GROUP, p->pos);
    g->align = align;
    ws(p);
    if (peek(p) == (open == '{' ? '}' : '>')) {
        failf(p, p->pos, 2, p->pos, "write ~ for a rest", "empty %c %c: expected a step inside",
              open, open == '{' ? '}' : '>');
        return NULL;
    }
    (void)open_at;
    MNode *head = parse_sequence(p);
    if (!head) return NULL;
    g->kids = head;
    g->nkids = 1;
    MNode *last = head;
    for (;;) {
        size_t save = p->pos;
        ws(p);
        if (peek(p) != ',') {
            p->pos = save;
            break;
        }
        p->pos++;
        size_t after = p->pos;
        ws(p);
        MNode *s = parse_sequence(p);
        if (!s) {
            (void)after;
            fail_step(p, p->pos, "','");
            p->pos = save;
            break;
        }
        last->next = s;
        last = s;
        g->nkids++;
    }
    return g;
}

/* polymeter = ws "{" ws polymeter_stack ws "}" ("%" slice)? ws
 * slow_sequence = ws "<" ws polymeter_stack ws ">" ws */
static MNode *parse_braces(P *p) {
    size_t save = p->pos;
    ws(p);
    int c = peek(p);
    if (c != '{' && c != '<') goto fail;
    char close = c == '{' ? '}' : '>';
    size_t open = p->pos++;
    if (!enter(p)) goto fail;
    ws(p);
    MNode *g = parse_polystack(p, c == '{' ? G_POLY : G_SLOWCAT, (char)c, open);
    p->depth--;
    if (!g) goto fail;
    ws(p);
    if (peek(p) != close) {
        fail_close(p, (char)c, close, open);
        goto fail;
    }
    p->pos++;
    g->off = open;
    if (c == '{' && peek(p) == '%') {
        size_t pct = p->pos++;
        if (!enter(p)) goto fail;
        MNode *steps = parse_slice(p);
        p->depth--;
        if (!steps) {
            fail_step(p, pct + 1, "'%'");
            p->pos = pct; /* "%" slice is optional: leave it for the caller to reject */
        } else {
            g->steps = steps;
        }
    }
    ws(p);
    return g;
fail:
    p->pos = save;
    return NULL;
}

/* slice = step / sub_cycle / polymeter / slow_sequence */
static MNode *parse_slice(P *p) {
    MNode *n = parse_step(p);
    if (!n) n = parse_sub_cycle(p);
    if (!n) n = parse_braces(p);
    return n;
}

/* number = "-"? int frac? exp?, parsed exactly; returns bytes matched. */
static size_t parse_number(P *p, Rat *out) {
    size_t i = p->pos;
    if (i < p->end && p->s[i] == '-') i++;
    if (i >= p->end || p->s[i] < '0' || p->s[i] > '9') return 0;
    if (p->s[i] == '0')
        i++;
    else
        while (i < p->end && p->s[i] >= '0' && p->s[i] <= '9') i++;
    if (i + 1 < p->end && p->s[i] == '.' && p->s[i + 1] >= '0' && p->s[i + 1] <= '9') {
        i++;
        while (i < p->end && p->s[i] >= '0' && p->s[i] <= '9') i++;
    }
    if (i < p->end && (p->s[i] == 'e' || p->s[i] == 'E')) {
        size_t j = i + 1;
        if (j < p->end && (p->s[j] == '+' || p->s[j] == '-')) j++;
        if (j < p->end && p->s[j] >= '0' && p->s[j] <= '9') {
            while (j < p->end && p->s[j] >= '0' && p->s[j] <= '9') j++;
            i = j;
        }
    }
    size_t n = i - p->pos;
    if (rat_parse(p->s + p->pos, n, out) != n) *out = RAT_NAR;
    return n;
}

/* The same number as JavaScript's parseFloat would read. */
static size_t parse_float(P *p, double *out) {
    Rat r;
    size_t n = parse_number(p, &r);
    if (!n) return 0;
    char buf[64];
    if (n >= sizeof buf) n = sizeof buf - 1;
    memcpy(buf, p->s + p->pos, n);
    buf[n] = 0;
    *out = strtod(buf, NULL);
    return n;
}

static MOp *new_op(P *p, OpType t, size_t off) {
    MOp *o = arena_new(&p->arena, sizeof *o);
    o->type = t;
    o->off = off;
    return o;
}

/* op_bjorklund = "(" ws swo ws comma ws swo ws comma? ws swo? ws ")" */
static MOp *parse_euclid(P *p) {
    size_t open = p->pos++;
    MOp *o = new_op(p, O_EUCLID, open);
    MElem *args[3] = {0};
    const char *hint = "write (hits,steps) or (hits,steps,rotation), e.g. bd(3,8)";
    char b[32];
    ws(p);
    if (!(args[0] = parse_swo(p))) {
        fail_step(p, p->pos, "'('");
        return NULL;
    }
    ws(p);
    if (peek(p) != ',') {
        if (peek(p) == -1)
            failf(p, p->pos, 3, open, hint, "unclosed '(' (opened here)");
        else
            failf(p, p->pos, 2, p->pos, hint, "expected ',' in euclid arguments, found %s",
                  what(p, p->pos, b, sizeof b));
        return NULL;
    }
    p->pos++;
    ws(p);
    if (!(args[1] = parse_swo(p))) {
        fail_step(p, p->pos, "','");
        return NULL;
    }
    ws(p);
    if (peek(p) == ',') {
        p->pos++;
        ws(p);
    }
    ws(p);
    args[2] = parse_swo(p);
    ws(p);
    if (peek(p) != ')') {
        if (peek(p) == -1)
            failf(p, p->pos, 3, open, hint, "unclosed '(' (opened here)");
        else
            failf(p, p->pos, 2, p->pos, hint,
                  "expected ')' to close the euclid arguments, found %s",
                  what(p, p->pos, b, sizeof b));
        return NULL;
    }
    p->pos++;
    /* An argument is a whole step with its own operators: wrap it as a
     * one-step sequence. */
    MNode *as[3] = {0};
    for (int i = 0; i < 3; i++) {
        if (!args[i]) continue;
        as[i] = new_node(p, N_SEQ, args[i]->slice->off);
        as[i]->elems = args[i];
        as[i]->nelems = 1;
    }
    o->a = as[0];
    o->b = as[1];
    o->c = as[2];
    o->len = p->pos - open;
    return o;
}

/* One operator after a slice, or NULL (position restored) if none applies. */
static MOp *parse_op(P *p, MElem *e) {
    size_t save = p->pos;
    /* op_weight = ws ("@" / "_") number? */
    ws(p);
    int c = peek(p);
    if (c == '@' || c == '_') {
        MOp *o = new_op(p, O_WEIGHT, p->pos++);
        double a = 2;
        p->pos += parse_float(p, &a);
        e->weight = e->weight + a - 1;
        return o;
    }
    /* op_replicate = ws "!" number? */
    if (c == '!') {
        MOp *o = new_op(p, O_REPLICATE, p->pos++);
        double a = 2;
        p->pos += parse_float(p, &a);
        e->reps = e->reps + a - 1;
        e->weight = e->reps;
        o->num = rat_from_double(e->reps);
        o->has_num = true;
        o->len = p->pos - o->off;
        return o;
    }
    p->pos = save;
    c = peek(p);
    if (c == '(') {
        MOp *o = parse_euclid(p);
        if (!o) p->pos = save;
        return o;
    }
    if (c == '/' || c == '*' || c == ':' ||
        (c == '.' && p->pos + 1 < p->end && p->s[p->pos + 1] == '.')) {
        size_t at = p->pos;
        p->pos += c == '.' ? 2 : 1;
        MOp *o = new_op(p, c == '/' ? O_SLOW : c == '*' ? O_FAST : c == ':' ? O_TAIL : O_RANGE, at);
        if (!enter(p)) {
            p->pos = save;
            return NULL;
        }
        o->a = parse_slice(p);
        p->depth--;
        if (!o->a) {
            const char *what_op = c == '.' ? "'..'" : c == '/' ? "'/'" : c == '*' ? "'*'" : "':'";
            fail_step(p, at + (c == '.' ? 2 : 1), what_op);
            p->pos = save;
            return NULL;
        }
        o->len = p->pos - at;
        return o;
    }
    if (c == '?') {
        MOp *o = new_op(p, O_DEGRADE, p->pos++);
        double a;
        size_t n = parse_float(p, &a);
        if (n) {
            o->fnum = a;
            o->num = rat_from_double(a);
            o->has_num = true;
            p->pos += n;
        }
        o->seed = p->seed++;
        o->len = p->pos - o->off;
        return o;
    }
    return NULL;
}

/* slice_with_ops = slice slice_op* */
static MElem *parse_swo(P *p) {
    MNode *s = parse_slice(p);
    if (!s) return NULL;
    MElem *e = arena_new(&p->arena, sizeof *e);
    e->slice = s;
    e->weight = 1;
    e->reps = 1;
    MOp *last = NULL;
    for (MOp *o; (o = parse_op(p, e));) {
        if (o->type == O_WEIGHT) continue; /* folded into e->weight */
        if (o->type == O_REPLICATE) {
            /* Only the last '!' counts, and it moves to the end of the ops. */
            MOp **link = &e->ops;
            last = NULL;
            while (*link) {
                if ((*link)->type == O_REPLICATE) {
                    *link = (*link)->next;
                    continue;
                }
                last = *link;
                link = &(*link)->next;
            }
        }
        if (last)
            last->next = o;
        else
            e->ops = o;
        last = o;
    }
    return e;
}

/* sequence = "^"? slice_with_ops+ */
static MNode *parse_sequence(P *p) {
    size_t save = p->pos;
    MNode *n = new_node(p, N_SEQ, p->pos);
    if (peek(p) == '^') p->pos++;
    MElem *last = NULL;
    for (MElem *e; (e = parse_swo(p));) {
        if (last)
            last->next = e;
        else
            n->elems = e;
        last = e;
        n->nelems++;
    }
    if (!n->nelems) {
        p->pos = save;
        return NULL;
    }
    n->len = p->pos - n->off;
    return n;
}

/* stack_or_choose = sequence (stack_tail / choose_tail / dot_tail)? */
static MNode *parse_soc(P *p) {
    MNode *head = parse_sequence(p);
    if (!head) return NULL;
    static const struct {
        char sep;
        Align align;
    } tails[] = {{',', G_STACK}, {'|', G_RAND}, {'.', G_FEET}};
    for (int t = 0; t < 3; t++) {
        MNode *g = new_node(p, N_GROUP, head->off);
        g->align = tails[t].align;
        g->kids = head;
        g->nkids = 1;
        MNode *last = head;
        size_t ok_pos = p->pos;
        for (;;) {
            size_t save = p->pos;
            ws(p);
            if (peek(p) != tails[t].sep) {
                p->pos = save;
                break;
            }
            p->pos++;
            size_t after = p->pos;
            ws(p);
            MNode *s = parse_sequence(p);
            if (!s) {
                const char *sep = tails[t].sep == ',' ? "','" : tails[t].sep == '|' ? "'|'" : "'.'";
                (void)after;
                fail_step(p, p->pos, sep);
                p->pos = save;
                break;
            }
            last->next = s;
            last = s;
            g->nkids++;
            ok_pos = p->pos;
        }
        p->pos = ok_pos;
        if (g->nkids > 1) {
            if (tails[t].align == G_RAND) g->seed = p->seed++;
            return g;
        }
        head->next = NULL;
    }
    return head;
}

/* ---------------------------------------------------------------- builder */

typedef struct {
    Heap *h;
    P *p;
    Err *err;
} B;

static ObjPattern *build(B *b, MNode *n, Rat *weight);

static SrcRef ref(B *b, size_t off, size_t len) {
    return srcref(b->p->src, off, len ? len : 1);
}

static ObjPattern *unsupported(B *b, MOp *o, const char *what) {
    err_set(b->err, ref(b, o->off, o->len), "%s is not supported yet", what);
    err_hint(b->err, "write the numbers out: 0 1 2 3");
    return NULL;
}

/* With constant numbers, Strudel builds the rhythm at once, so impossible
 * ones are errors even where the step never plays. */
static bool euclid_check(B *b, MOp *o, ObjPattern **args) {
    if (args[0]->kind != PAT_PURE || args[1]->kind != PAT_PURE || !IS_NUM(args[0]->value) ||
        !IS_NUM(args[1]->value))
        return true;
    double k = args[0]->value.as.num, n = args[1]->value.as.num;
    if (k != floor(k) || n != floor(n) || fabs(k) > n) {
        err_set(b->err, ref(b, o->off, o->len), "euclid (%g,%g): %s", k, n,
                fabs(k) > n ? "more pulses than steps" : "needs whole numbers");
        err_hint(b->err, "the first number is how many hits, the second how many steps");
        return false;
    }
    return true;
}

/* Strudel uses `weight || 1`: a weight of 0 counts as 1. */
static Rat weight_of(double w) {
    return rat_from_double(w != 0 && w == w ? w : 1);
}

static ObjPattern *build_elem(B *b, MElem *e) {
    Rat w;
    ObjPattern *pat = build(b, e->slice, &w);
    if (!pat) return NULL;
    for (MOp *o = e->ops; o; o = o->next) {
        heap_push(b->h, OBJ_VAL(pat));
        ObjPattern *r = NULL;
        switch (o->type) {
        case O_WEIGHT: r = pat; break;
        case O_FAST:
        case O_SLOW: {
            ObjPattern *arg = build(b, o->a, &w);
            if (!arg) break;
            r = pat_op(b->h, o->type == O_FAST ? PO_FAST : PO_SLOW, &arg, 1, pat, rat_int(1),
                       ref(b, o->off, o->len));
            break;
        }
        case O_EUCLID: {
            ObjPattern *args[3];
            unsigned n = o->c ? 3 : 2;
            MNode *src[3] = {o->a, o->b, o->c};
            unsigned made = 0;
            for (; made < n; made++) {
                if (!(args[made] = build(b, src[made], &w))) break;
                heap_push(b->h, OBJ_VAL(args[made]));
            }
            if (made == n && !euclid_check(b, o, args)) made = n + 100;
            if (made == n)
                r = pat_op(b->h, n == 3 ? PO_EUCLIDROT : PO_EUCLID, args, n, pat, rat_int(1),
                           ref(b, o->off, o->len));
            if (made > n) made -= 100;
            heap_pop(b->h, made);
            break;
        }
        case O_REPLICATE:
            if (!rat_ok(o->num)) {
                err_set(b->err, ref(b, o->off, o->len), "'!' needs a count, like a!3");
                break;
            }
            /* !0 makes silence (its step still takes its place) */
            r = rat_is_zero(o->num) ? pat_silence(b->h) : pat_replicate(b->h, o->num, pat);
            break;
        case O_TAIL: {
            ObjPattern *arg = build(b, o->a, &w);
            if (arg) r = pat_applist(b->h, pat, arg);
            break;
        }
        case O_DEGRADE: {
            /* degradeByWith(rand.early(0.0003 * seed), amount ?? 0.5): Strudel
             * gives each '?' of a pattern its own offset into the random signal */
            double amount = o->has_num ? rat_to_double(o->num) : 0.5;
            if (o->has_num) amount = o->fnum;
            ObjPattern *rnd = pat_signal(b->h, SIG_RAND);
            heap_push(b->h, OBJ_VAL(rnd));
            ObjPattern *sh = pat_early(b->h, rat_from_double(RAND_OFFSET * o->seed), rnd);
            heap_push(b->h, OBJ_VAL(sh));
            r = pat_app(b->h, APP_LEFT, pat, sh, pat_keep_if_above, NUM_VAL(amount));
            heap_pop(b->h, 2);
            break;
        }
        case O_RANGE: r = unsupported(b, o, "'..' (ranges)"); break;
        }
        heap_pop(b->h, 1);
        if (!r) return NULL;
        pat = r;
    }
    return pat;
}

static ObjPattern *build_seq(B *b, MNode *n, Rat *weight) {
    if (n->nelems == 1) {
        *weight = weight_of(n->elems->weight);
        return build_elem(b, n->elems);
    }
    ObjPattern **pats = malloc(n->nelems * sizeof *pats);
    Rat *ws_ = malloc(n->nelems * sizeof *ws_);
    if (!pats || !ws_) abort();
    unsigned i = 0;
    Rat total = rat_int(0);
    ObjPattern *r = NULL;
    for (MElem *e = n->elems; e; e = e->next, i++) {
        if (!(pats[i] = build_elem(b, e))) goto done;
        heap_push(b->h, OBJ_VAL(pats[i]));
        ws_[i] = weight_of(e->weight);
        total = rat_add(total, ws_[i]);
    }
    if (rat_is_zero(total)) {
        err_set(b->err, ref(b, n->off, n->len), "the step weights add up to zero");
        err_hint(b->err, "'@' sets a step's length: use positive numbers");
        goto done;
    }
    r = pat_timecat(b->h, ws_, pats, i);
    *weight = total;
done:
    heap_pop(b->h, i);
    free(pats);
    free(ws_);
    return r;
}

static ObjPattern *build_group(B *b, MNode *n) {
    ObjPattern **pats = malloc(n->nkids * sizeof *pats);
    Rat *w = malloc(n->nkids * sizeof *w);
    if (!pats || !w) abort();
    unsigned i = 0;
    ObjPattern *r = NULL, *steps = NULL;
    for (MNode *k = n->kids; k; k = k->next, i++) {
        if (!(pats[i] = build(b, k, &w[i]))) goto done;
        heap_push(b->h, OBJ_VAL(pats[i]));
    }
    switch (n->align) {
    case G_STACK: r = pat_stack(b->h, pats, i); break;
    case G_FEET: r = pat_fastcat(b->h, pats, i); break;
    case G_SLOWCAT:
        /* Each part is a sequence slowed by its own total weight, so every
         * step lasts one cycle: <a b, c d e>. */
        for (unsigned k = 0; k < i; k++) {
            pats[k] = pat_slow(b->h, w[k], pats[k]);
            heap_push(b->h, OBJ_VAL(pats[k]));
        }
        r = pat_stack(b->h, pats, i);
        heap_pop(b->h, i);
        break;
    case G_POLY:
        /* Every part runs at the step rate of the first (or of %steps). */
        if (n->steps) {
            Rat sw;
            if (!(steps = build(b, n->steps, &sw))) goto done;
            heap_push(b->h, OBJ_VAL(steps));
        }
        for (unsigned k = 0; k < i; k++) {
            if (steps)
                pats[k] = pat_op(b->h, PO_POLY, &steps, 1, pats[k], rat_inv(w[k]),
                                 ref(b, n->steps->off, n->steps->len));
            else
                pats[k] = pat_fast(b->h, rat_div(w[0], w[k]), pats[k]);
            heap_push(b->h, OBJ_VAL(pats[k]));
        }
        r = pat_stack(b->h, pats, i);
        heap_pop(b->h, i + (steps ? 1 : 0));
        break;
    case G_RAND: {
        /* chooseInWith(rand.early(0.0003 * seed).segment(1), parts) */
        Value items[256];
        if (i > 256) {
            err_set(b->err, ref(b, n->off, 1), "at most 256 choices with '|'");
            break;
        }
        for (unsigned k = 0; k < i; k++) items[k] = OBJ_VAL(pats[k]);
        ObjList *l = list_new(b->h, items, i);
        heap_push(b->h, OBJ_VAL(l));
        ObjPattern *rnd = pat_signal(b->h, SIG_RAND);
        heap_push(b->h, OBJ_VAL(rnd));
        ObjPattern *sh = pat_early(b->h, rat_from_double(RAND_OFFSET * n->seed), rnd);
        heap_push(b->h, OBJ_VAL(sh));
        ObjPattern *t = pat_pure(b->h, BOOL_VAL(true));
        heap_push(b->h, OBJ_VAL(t));
        ObjPattern *seg = pat_app(b->h, APP_RIGHT, sh, t, pat_keep_if_truthy, NIL_VAL);
        heap_push(b->h, OBJ_VAL(seg));
        ObjPattern *m = pat_map(b->h, seg, pat_pick, OBJ_VAL(l));
        heap_push(b->h, OBJ_VAL(m));
        r = pat_bind(b->h, BIND_INNER, m);
        heap_pop(b->h, 6);
        break;
    }
    }
done:
    heap_pop(b->h, i);
    free(pats);
    free(w);
    return r;
}

static ObjPattern *build(B *b, MNode *n, Rat *weight) {
    *weight = rat_int(1);
    switch (n->type) {
    case N_ATOM: {
        const char *s = b->p->s + n->off;
        if (n->len == 1 && (s[0] == '~' || s[0] == '-')) return pat_silence(b->h);
        double x;
        if (num_parse_js(s, n->len, &x)) return pat_pure(b->h, NUM_VAL(x == 0 ? 0.0 : x));
        return pat_pure(b->h, OBJ_VAL(str_intern(b->h, s, n->len)));
    }
    case N_SEQ: return build_seq(b, n, weight);
    case N_GROUP: return build_group(b, n);
    }
    return NULL;
}

/* ---------------------------------------------------------------- entry */

ObjPattern *mini_parse(Heap *h, const Source *src, size_t off, size_t len, Err *err) {
    P p = {0};
    p.src = src;
    p.s = src->text;
    p.pos = p.begin = off;
    p.end = off + len;
    ws(&p);
    if (p.pos == p.end) {
        err_set(err, srcref(src, off, 1), "empty pattern");
        err_hint(err, "write ~ for silence");
        return NULL;
    }
    MNode *root = parse_soc(&p);
    if (root) ws(&p);
    if (!root || p.pos != p.end) {
        if (root) fail_step(&p, p.pos, NULL);
        if (p.lazy) report_step(&p, p.fpos, p.lazy_after);
        if (root && p.pos < p.end && p.fpos == p.pos && p.fprio <= 1) {
            int c = (unsigned char)p.s[p.pos];
            if (c == ',' || c == '|' || c == '.')
                snprintf(p.fhint, sizeof p.fhint,
                         "',', '|' and '.' cannot be mixed at one level: group with [ ]");
        }
        err_set(err, srcref(src, p.fat, p.flen), "%s", p.fmsg);
        if (p.fhint[0]) err_hint(err, "%s", p.fhint);
        arena_free(&p.arena);
        return NULL;
    }
    B b = {h, &p, err};
    Rat w;
    ObjPattern *pat = build(&b, root, &w);
    arena_free(&p.arena);
    return pat;
}
