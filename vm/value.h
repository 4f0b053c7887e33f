/*
 * value.h - the tagged value type every part of the VM speaks.
 *
 * An event's value, a constant in bytecode, an argument to a builtin: all are
 * Values. Small things (nil, booleans, numbers) live inside the Value; the
 * rest are pointers to heap objects (Obj), owned by the Heap and freed by its
 * mark-and-sweep collector. Numbers are doubles, as in Strudel, so computed
 * values print exactly as Strudel prints them; times are never Values but Rats.
 *
 * Strings are interned: two equal strings are the same object, so comparing
 * them is a pointer comparison. Lists and records are immutable once built.
 *
 * Control thread only (the heap is not thread-safe by design: DESIGN.md).
 */
#ifndef TALA_VALUE_H
#define TALA_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum { VAL_NIL, VAL_BOOL, VAL_NUM, VAL_OBJ } ValKind;

typedef enum {
    OBJ_STRING,
    OBJ_LIST,
    OBJ_RECORD,
    OBJ_PATTERN,
    OBJ_FUNCTION, /* compiled code (vm.h) */
    OBJ_CLOSURE,
    OBJ_UPVALUE,
    OBJ_NATIVE,
    OBJ_PARTIAL, /* a function with some arguments given */
    OBJ_GRAPH,   /* a node of a unit-generator graph (vm.h) */
    OBJ_SYNTH,   /* a synth definition: parameters and a graph */
    OBJ_KIND_COUNT
} ObjKind;

typedef struct Obj Obj;
struct Obj {
    Obj *next;    /* every object of a heap, for the sweep */
    uint8_t kind; /* ObjKind */
    uint8_t marked;
};

typedef struct {
    ValKind kind;
    union {
        bool b;
        double num;
        Obj *obj;
    } as;
} Value;

typedef struct {
    Obj obj;
    uint32_t hash;
    uint32_t len;
    char chars[]; /* NUL-terminated */
} ObjString;

typedef struct {
    Obj obj;
    uint32_t len;
    Value items[];
} ObjList;

typedef struct {
    ObjString *key;
    Value val;
} RecField;

typedef struct {
    Obj obj;
    uint32_t len;
    RecField fields[]; /* sorted by key bytes, keys unique */
} ObjRecord;

#define NIL_VAL     ((Value){VAL_NIL, {.num = 0}})
#define BOOL_VAL(v) ((Value){VAL_BOOL, {.b = (v)}})
#define NUM_VAL(v)  ((Value){VAL_NUM, {.num = (v)}})
#define OBJ_VAL(o)  ((Value){VAL_OBJ, {.obj = (Obj *)(o)}})

#define IS_NIL(v)     ((v).kind == VAL_NIL)
#define IS_NUM(v)     ((v).kind == VAL_NUM)
#define IS_OBJ(v)     ((v).kind == VAL_OBJ)
#define IS_KIND(v, k) ((v).kind == VAL_OBJ && (v).as.obj->kind == (k))
#define IS_STRING(v)  IS_KIND(v, OBJ_STRING)
#define IS_LIST(v)    IS_KIND(v, OBJ_LIST)
#define IS_RECORD(v)  IS_KIND(v, OBJ_RECORD)
#define IS_PATTERN(v) IS_KIND(v, OBJ_PATTERN)
#define AS_STRING(v)  ((ObjString *)(v).as.obj)
#define AS_LIST(v)    ((ObjList *)(v).as.obj)
#define AS_RECORD(v)  ((ObjRecord *)(v).as.obj)

/* Structural equality (strings by identity, since they are interned). */
bool val_equal(Value a, Value b);

/* Appends the conformance-format text of v to buf (see
 * ../shared/conformance/README.md): numbers as JavaScript's String(x), lists
 * joined by ':', records as sorted key=value pairs. Returns the length the
 * full text needs (like snprintf); buf is always terminated. */
size_t val_format(Value v, char *buf, size_t size);

/* A double as JavaScript's String(x): shortest round-trip digits. */
int num_format(double x, char *buf, size_t size);

/* JavaScript's Number(text) for a mini-notation word: true and *out set when
 * the whole text is a number ("1.5", "-3", ".5", "1e3", "0x1f", "Infinity"). */
bool num_parse_js(const char *s, size_t len, double *out);

#endif
