import Foundation

print(floor(2.7), floor(-2.7), floor(3.0))
print(ceil(2.1), ceil(-2.1), ceil(-0.5))
print(floor(-0.5))
let values = [1.5, 2.5, -1.5, -2.5, 0.49999999999999994]
print(values.map { floor($0) })
print(values.map { ceil($0) })
print(values.map { $0.rounded() })
print(Int(floor(7.9)), Int(ceil(7.1)))
