let values = [0.1 + 0.2, 1e-07, 1e16, 100.0, -0.0]
print(values)
print((1e-07, 100.0))
print(["x": 0.5])
print([[1.0, 2.5], [1e20]])
let o: Double? = 1.5
print([o, nil])
print("value: \(1e-07)")
