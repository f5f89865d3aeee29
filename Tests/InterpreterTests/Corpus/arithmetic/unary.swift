let x = 5
print(-x, +x, -(-x))
let y = 2.5
print(-y, +y)
let zero = 0.0
print(-zero)
let b = true
print(!b, !(!b))
print(-Int.max)
var n = 3
n = -n
print(n)
