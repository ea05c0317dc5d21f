#ifndef VEC3_H
#define VEC3_H

#include <math.h>

/* A 3D vector of doubles, passed by value: it is small. */
typedef struct vec3 {
    double x, y, z;
} vec3;

#define VEC3(x, y, z) ((vec3){ (x), (y), (z) })
#define VEC3_ZERO VEC3(0.0, 0.0, 0.0)

static inline vec3 vec3_add(vec3 a, vec3 b) { return VEC3(a.x + b.x, a.y + b.y, a.z + b.z); }
static inline vec3 vec3_sub(vec3 a, vec3 b) { return VEC3(a.x - b.x, a.y - b.y, a.z - b.z); }
static inline vec3 vec3_scale(vec3 v, double k) { return VEC3(v.x * k, v.y * k, v.z * k); }

static inline double vec3_dot(vec3 a, vec3 b)
{
    return a.x * b.x + a.y * b.y + a.z * b.z;
}

static inline vec3 vec3_cross(vec3 a, vec3 b)
{
    return VEC3(a.y * b.z - a.z * b.y,
                a.z * b.x - a.x * b.z,
                a.x * b.y - a.y * b.x);
}

static inline double vec3_length(vec3 v) { return sqrt(vec3_dot(v, v)); }

static inline vec3 vec3_normalize(vec3 v)
{
    double len = vec3_length(v);
    if (len < 1e-12)
        return VEC3_ZERO;
    return vec3_scale(v, 1.0 / len);
}

#if 0
/* Old API, kept for reference. */
void vec3_print(vec3 v);
#endif

extern const vec3 VEC3_UP;
extern const char *const vec3_axis_names[3];

#endif /* VEC3_H */
