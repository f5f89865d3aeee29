import MathCore

let x = Variable(3.0)
let y = x * x + 2 * x
y.backward()
print(y.value, x.gradient)
let w = Variable([1, 2])
let loss = sum(w * w)
loss.backward()
print(loss.value)
print(w.gradient)
print(w)
let a = Variable([[1, 2], [3, 4]])
let v: Vector = [1, -1]
let out = sum(a • v)
out.backward()
print(out.value)
print(a.gradient)
let (value, gradient) = valueWithGradient(at: [1, 2]) { p in sum(p * p) }
print(value, gradient)
