func square(_ x: Int) -> Int { x * x }
func negate(_ x: Int) -> Int { -x }
let f = square
print(f(5))
print([1, 2, 3].map(square))
func apply(_ g: (Int) -> Int, to value: Int) -> Int {
    g(value)
}
print(apply(negate, to: 4))
print(apply(square, to: -3))
let pipeline = [square, negate, square]
var v = 2
for step in pipeline {
    v = step(v)
}
print(v)
func compose(_ g: @escaping (Int) -> Int, _ h: @escaping (Int) -> Int) -> (Int) -> Int {
    { x in h(g(x)) }
}
print(compose(square, negate)(3))
