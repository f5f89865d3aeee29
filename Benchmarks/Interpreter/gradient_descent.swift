// 2,000,000 steps of gradient descent on f(x) = (x - 3)², each with a central-difference derivative.
func f(_ x: Double) -> Double {
    (x - 3) * (x - 3)
}
var x = 0.0
let h = 1e-6
for _ in 0..<2_000_000 {
    let slope = (f(x + h) - f(x - h)) / (2 * h)
    x -= 0.000001 * slope
}
print(x)
