let a: Int? = nil
let b: Int? = 2
print(a ?? 0)
print(b ?? 0)
print(a ?? b ?? 3)
let name: String? = nil
print("Hello, " + (name ?? "stranger"))
let d = ["x": 1.5]
print(d["x"] ?? 0, d["y"] ?? -1)
print(Int("12") ?? -1, Int("1 2") ?? -1)
let values: [Int] = []
print(values.max() ?? Int.min)
