// wordcount: counts lines, words and bytes of its input, like wc.
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#ifndef BUFFER_SIZE
#define BUFFER_SIZE (64 * 1024)
#endif

typedef struct {
    unsigned long lines, words, bytes;
} counts_t;

enum mode { MODE_ALL = 0x7, MODE_LINES = 0x1, MODE_WORDS = 0x2 };

static int count_stream(FILE *in, counts_t *c)
{
    static char buf[BUFFER_SIZE];
    int in_word = 0;
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
        c->bytes += n;
        for (size_t i = 0; i < n; i++) {
            unsigned char ch = (unsigned char)buf[i];
            if (ch == '\n')
                c->lines++;
            if (isspace(ch)) {
                in_word = 0;
            } else if (!in_word) {
                in_word = 1;
                c->words++;
            }
        }
    }
    return ferror(in) ? -1 : 0;
}

static void print_counts(const counts_t *c, const char *name, int mode)
{
    switch (mode) {
    case MODE_LINES:
        printf("%7lu %s\n", c->lines, name);
        break;
    case MODE_WORDS:
        printf("%7lu %s\n", c->words, name);
        break;
    default:
        printf("%7lu %7lu %7lu %s\n", c->lines, c->words, c->bytes, name);
    }
}

int main(int argc, char *argv[])
{
    counts_t total = {0, 0, 0};
    int mode = MODE_ALL, status = 0;

    if (argc > 1 && strcmp(argv[1], "-l") == 0) {
        mode = MODE_LINES;
        argv++, argc--;
    }
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        counts_t c = {0};
        if (f == NULL) {
            fprintf(stderr, "wordcount: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        if (count_stream(f, &c) != 0)
            status = 1;
        fclose(f);
        print_counts(&c, argv[i], mode);
        total.lines += c.lines;
        total.words += c.words;
        total.bytes += c.bytes;
    }
    if (argc > 2) print_counts(&total, "total", mode);
    return status;
}
