// expect-error: 2:1: class is not supported in Swift-math
class Counter {
    var count = 0
}
print(Counter().count)
