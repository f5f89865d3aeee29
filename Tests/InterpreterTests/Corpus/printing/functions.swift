func double(_ x: Int) -> Int { x * 2 }
let f = double
print(f(4))
print({ (x: Int) -> Int in x + 1 })
print(double)
let closures: [(Int) -> Int] = [double, { $0 - 1 }]
print(closures.count)
