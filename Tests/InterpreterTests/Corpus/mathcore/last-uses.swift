import MathCore

// Tensors read for the last time in a block are moved, so their storage may be reused;
// everything else must still see its own values.
let xs: Tensor = [1, 2, 3]
let ys: Tensor = [2, 4, 7]
var w = 0.5
for step in 0..<3 {
    let predictions = w * xs + 1.0
    let errors = predictions - ys
    let squared = errors * errors
    print(step, predictions, errors, mean(squared))
    w -= 0.1 * mean(errors * xs)
}
do {
    let a = xs * 2.0
    let b = a + 1.0
    for _ in 0..<2 {
        let c = b * 2.0
        print(c, b)
    }
    let twice = { (t: Tensor) in t + a }
    print(twice(xs), a)
    let d = xs + 0.0
    if d.count > 2 {
        let e = d - 1.0
        print(e, xs)
    }
    let f = xs * 3.0
    let g = f + f
    print(g)
}
func scaled(_ t: Tensor) -> Tensor {
    let doubled = t * 2.0
    let shifted = doubled - 1.0
    return shifted
}
print(scaled(xs), scaled(ys), xs, ys)
