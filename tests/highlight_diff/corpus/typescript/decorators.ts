type Constructor<T = {}> = new (...args: any[]) => T;

function logged(target: any, key: string, descriptor: PropertyDescriptor) {
  const original = descriptor.value;
  descriptor.value = function (...args: unknown[]) {
    console.log(`calling ${key} with`, args);
    return original.apply(this, args);
  };
  return descriptor;
}

function Timestamped<TBase extends Constructor>(Base: TBase) {
  return class extends Base {
    createdAt = Date.now();
  };
}

abstract class Shape {
  abstract area(): number;

  describe(): string {
    return `${this.constructor.name} with area ${this.area().toFixed(2)}`;
  }
}

class Circle extends Shape {
  constructor(private radius: number) {
    super();
  }

  @logged
  area(): number {
    return Math.PI * this.radius ** 2;
  }
}

class Square extends Shape {
  constructor(protected side: number) {
    super();
  }

  area(): number {
    return this.side * this.side;
  }
}

const TimedCircle = Timestamped(Circle);
const shapes: Shape[] = [new Circle(1.5), new Square(2), new TimedCircle(0.5)];
const total = shapes.reduce((sum, s) => sum + s.area(), 0);
const byKind: Record<string, number> = {};
for (const s of shapes) {
  const kind = s.constructor.name;
  byKind[kind] = (byKind[kind] || 0) + 1;
}
console.log(shapes.map((s) => s.describe()).join("\n"), total, byKind);
