let some: Double? = 1.5
let none: Double? = nil
print("value: \(some)")
print("value: \(none)")
print("value: \(some ?? 0)")
print("value: \(none ?? 0)")
if let v = some {
    print("unwrapped: \(v)")
}
let word: String? = "hi"
print("\(word)")
print("\(word!)")
print("\([some, none])")
