/*
 * A fixed-size ring buffer of bytes, safe for one producer and one consumer.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "ring_buffer.h"

#define RB_MIN_CAPACITY 16u
#define RB_IS_POWER_OF_TWO(n) (((n) & ((n) - 1)) == 0)

struct ring_buffer {
    uint8_t *data;
    size_t capacity;   /* always a power of two */
    volatile size_t head;
    volatile size_t tail;
};

static size_t round_up_pow2(size_t n)
{
    size_t p = RB_MIN_CAPACITY;
    while (p < n)
        p <<= 1;
    return p;
}

struct ring_buffer *rb_create(size_t capacity)
{
    struct ring_buffer *rb = calloc(1, sizeof *rb);
    if (rb == NULL)
        return NULL;
    rb->capacity = round_up_pow2(capacity);
    rb->data = malloc(rb->capacity);
    if (!rb->data) {
        free(rb);
        return NULL;
    }
    return rb;
}

void rb_destroy(struct ring_buffer *rb)
{
    if (rb) {
        free(rb->data);
        free(rb);
    }
}

size_t rb_used(const struct ring_buffer *rb)
{
    return rb->head - rb->tail;
}

bool rb_push(struct ring_buffer *rb, const void *src, size_t len)
{
    const uint8_t *bytes = src;
    if (rb->capacity - rb_used(rb) < len)
        return false;
    for (size_t i = 0; i < len; i++)
        rb->data[(rb->head + i) & (rb->capacity - 1)] = bytes[i];
    rb->head += len;
    return true;
}

size_t rb_pop(struct ring_buffer *rb, void *dst, size_t max)
{
    uint8_t *out = dst;
    size_t n = rb_used(rb);
    if (n > max)
        n = max;
    for (size_t i = 0; i < n; ++i)
        out[i] = rb->data[(rb->tail + i) & (rb->capacity - 1)];
    rb->tail += n;
    return n;
}
