let n = 7
print(n % 2 == 0 ? "even" : "odd")
let sign = n > 0 ? 1 : (n < 0 ? -1 : 0)
print(sign)
let values = [3, -1, 0]
print(values.map { $0 > 0 ? "+" : ($0 < 0 ? "-" : "0") })
let x = 2.5
let clamped = x > 1 ? 1.0 : x
print(clamped)
print(true ? 1 : 2, false ? "yes" : "no")
