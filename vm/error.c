/*
 * error.c - the one place errors become text.
 */
#include "error.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

Source *source_new(const char *name, const char *text, size_t len) {
    Source *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->name = strdup(name);
    s->text = malloc(len + 1);
    if (!s->name || !s->text) {
        source_free(s);
        return NULL;
    }
    memcpy(s->text, text, len);
    s->text[len] = 0;
    s->len = len;
    return s;
}

void source_free(Source *s) {
    if (!s) return;
    free(s->name);
    free(s->text);
    free(s);
}

void err_set(Err *e, SrcRef at, const char *fmt, ...) {
    if (e->set) return;
    e->set = true;
    e->at = at;
    e->hint[0] = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
}

void err_prefix(Err *e, const char *prefix) {
    size_t p = strlen(prefix), cap = sizeof e->msg - 1;
    if (p >= cap) return;
    size_t l = strnlen(e->msg, cap);
    if (l > cap - p) l = cap - p;
    memmove(e->msg + p, e->msg, l);
    memcpy(e->msg, prefix, p);
    e->msg[p + l] = 0;
}

void err_hint(Err *e, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->hint, sizeof e->hint, fmt, ap);
    va_end(ap);
}

static bool is_cont(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

void src_linecol(const Source *s, uint32_t off, int *line, int *col) {
    int l = 1, c = 1;
    if (off > s->len) off = (uint32_t)s->len;
    for (uint32_t i = 0; i < off; i++) {
        unsigned char ch = (unsigned char)s->text[i];
        if (ch == '\n') {
            l++;
            c = 1;
        } else if (!is_cont(ch)) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

void err_print(FILE *f, const Err *e) {
    const Source *s = e->at.src;
    if (!s) {
        fprintf(f, "error: %s\n", e->msg);
        if (e->hint[0]) fprintf(f, "hint: %s\n", e->hint);
        return;
    }
    int line, col;
    src_linecol(s, e->at.off, &line, &col);
    fprintf(f, "%s:%d:%d: %s\n", s->name, line, col, e->msg);

    /* The source line, tabs kept so the caret lines up. A long line is cut
     * to the error's neighbourhood (SHOW bytes either side, "..." where cut);
     * control bytes show as '?', so a binary file cannot garble the terminal. */
    enum { SHOW = 60 };
    uint32_t off = e->at.off > s->len ? (uint32_t)s->len : e->at.off;
    uint32_t b = off, end = off;
    while (b > 0 && s->text[b - 1] != '\n') b--;
    while (end < s->len && s->text[end] != '\n') end++;
    bool cut_left = off - b > SHOW, cut_right = end - off > SHOW;
    if (cut_left) {
        b = off - SHOW;
        while (b < off && is_cont((unsigned char)s->text[b])) b++;
    }
    if (cut_right) {
        end = off + SHOW;
        while (end > off && is_cont((unsigned char)s->text[end])) end--;
    }
    fputs(cut_left ? "  ..." : "  ", f);
    for (uint32_t i = b; i < end; i++) {
        unsigned char ch = (unsigned char)s->text[i];
        fputc(ch < 0x20 && ch != '\t' ? '?' : ch == 0x7f ? '?' : ch, f);
    }
    fputs(cut_right ? "...\n" : "\n", f);
    fputs(cut_left ? "     " : "  ", f);
    for (uint32_t i = b; i < off; i++) {
        unsigned char ch = (unsigned char)s->text[i];
        if (!is_cont(ch)) fputc(ch == '\t' ? '\t' : ' ', f);
    }
    fputc('^', f);
    /* Underline the rest of the reported bytes on this line. */
    uint32_t last = off + (e->at.len ? e->at.len : 1);
    if (last > end) last = end;
    for (uint32_t i = off + 1; i < last; i++)
        if (!is_cont((unsigned char)s->text[i])) fputc('~', f);
    fputc('\n', f);
    if (e->hint[0]) fprintf(f, "hint: %s\n", e->hint);
}

char *err_text(const Err *e) {
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f) abort();
    err_print(f, e);
    fclose(f);
    while (len && text[len - 1] == '\n') text[--len] = 0;
    return text;
}
