// expect-error: 2:11: generics is not supported in Swift-math
struct Box<Value> {
    var value: Value
}
print(Box(value: 1).value)
