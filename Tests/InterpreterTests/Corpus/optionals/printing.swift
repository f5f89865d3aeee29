let d: Double? = 1.5
let n: Double? = nil
let i: Int? = 1
let s: String? = "s"
let b: Bool? = true
let arr: [Int]? = [1, 2]
print(d as Any)
print(n as Any)
print(d)
print(n)
print(i, s, b, arr)
print("\(d) and \(n)")
print([d, n])
print(Optional(3) as Any)
