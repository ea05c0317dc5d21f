# A tiny matrix type, to show operators, numbers and special methods.
import math
from functools import reduce
from numbers import Number

EPSILON = 1e-9
IDENTITY_2 = ((1, 0), (0, 1))
FLAGS = 0x1F | 0o17 | 0b1010


class Matrix:
    __slots__ = ("rows", "cols", "_data")

    def __init__(self, rows, cols, fill=0.0):
        self.rows, self.cols = rows, cols
        self._data = [[fill] * cols for _ in range(rows)]

    @staticmethod
    def from_rows(rows):
        m = Matrix(len(rows), len(rows[0]))
        for i, row in enumerate(rows):
            m._data[i] = list(map(float, row))
        return m

    def __getitem__(self, index):
        i, j = index
        return self._data[i][j]

    def __setitem__(self, index, value):
        i, j = index
        self._data[i][j] = value

    def __matmul__(self, other: "Matrix") -> "Matrix":
        assert self.cols == other.rows, "shape mismatch"
        out = Matrix(self.rows, other.cols)
        for i in range(self.rows):
            for j in range(other.cols):
                out[i, j] = sum(self[i, k] * other[k, j] for k in range(self.cols))
        return out

    def __mul__(self, k):
        if not isinstance(k, Number):
            return NotImplemented
        return Matrix.from_rows([[x * k for x in row] for row in self._data])

    __rmul__ = __mul__

    def __eq__(self, other):
        return all(abs(a - b) < EPSILON for a, b in zip(self.flat(), other.flat()))

    def flat(self):
        return [x for row in self._data for x in row]

    def norm(self):
        return math.sqrt(reduce(lambda acc, x: acc + x ** 2, self.flat(), 0.0))

    def __repr__(self):
        body = "; ".join(" ".join("%6.2f" % x for x in row) for row in self._data)
        return f"Matrix[{self.rows}x{self.cols}]({body})"


def rotation(theta):
    c, s = math.cos(theta), math.sin(theta)
    return Matrix.from_rows([[c, -s], [s, c]])


if __name__ == "__main__":
    r = rotation(math.pi / 4)
    print(r @ r, (r @ r).norm() >= 1.0 and r != None, 2 * r)
    print(3.5e-3, .25, 10., 1_000_000, -7 // 2, 7 % 3, ~5, 1 << 4 >> 2)
