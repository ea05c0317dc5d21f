#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>
#include <vector>
#include <fmt/core.h>

namespace geo {

struct Point {
  double x{}, y{};
  constexpr Point operator+(Point o) const { return {x + o.x, y + o.y}; }
};

class Shape {
 public:
  virtual ~Shape() = default;
  virtual double area() const = 0;
  virtual const char* name() const { return "shape"; }
};

class Circle final : public Shape {
 public:
  explicit Circle(double r) : r_(r) {}
  double area() const override { return std::numbers::pi * r_ * r_; }
  const char* name() const override { return "circle"; }

 private:
  double r_;
};

class Rect : public Shape {
 public:
  Rect(double w, double h) : w_(w), h_(h) {}
  double area() const override { return w_ * h_; }
  const char* name() const override { return "rect"; }

 protected:
  double w_, h_;
};

template <typename T>
concept HasArea = requires(const T& t) { { t.area() } -> std::convertible_to<double>; };

template <HasArea T>
double total_area(const std::vector<std::unique_ptr<T>>& shapes) {
  double sum = 0;
  for (const auto& s : shapes) sum += s->area();
  return sum;
}

}  // namespace geo

int main() {
  using namespace geo;
  std::vector<std::unique_ptr<Shape>> shapes;
  shapes.push_back(std::make_unique<Circle>(1.5));
  shapes.push_back(std::make_unique<Rect>(2, 3.25f));
  std::sort(shapes.begin(), shapes.end(),
            [](const auto& a, const auto& b) { return a->area() < b->area(); });
  for (const auto& s : shapes) {
    fmt::print("{:>8}: {:.3f}\n", s->name(), s->area());
  }
  constexpr auto label = R"(total "area")";
  fmt::print("{} = {}\n", label, total_area(shapes));
  static_assert(sizeof(Point) == 2 * sizeof(double), "no padding");
  return shapes.empty() ? 1 : 0;
}
