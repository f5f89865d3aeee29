let i = 42
let d = 2.5
let whole = 3.0
let b = true
let s = "text"
let a = [1, 2, 3]
let nested = [[1.5], [2.0, 3.0]]
let strings = ["x", "y"]
let dict = ["key": 7]
let t = (1, "one")
let labelled = (x: 1.5, y: -2.0)
let some: Int? = 5
let none: Int? = nil
let someString: String? = "hi"
print("int \(i)")
print("double \(d) \(whole)")
print("bool \(b)")
print("string \(s)")
print("array \(a)")
print("nested \(nested)")
print("strings \(strings)")
print("dictionary \(dict)")
print("tuple \(t)")
print("labelled \(labelled)")
print("optional \(some) \(none) \(someString)")
print("range \(0..<3) \(1...2)")
