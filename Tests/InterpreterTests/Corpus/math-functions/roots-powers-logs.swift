import Foundation

print(sqrt(2.0))
print(sqrt(16.0))
print(pow(2.0, 10.0))
print(pow(2.0, 0.5))
print(pow(10.0, -2.0))
print(exp(1.0))
print(exp(0.0))
print(log(10.0))
print(log(exp(2.0)))
print(exp(log(10.0)))
print(log(1.0))
let x = 3.0
print(sqrt(x * x + 4 * 4))
