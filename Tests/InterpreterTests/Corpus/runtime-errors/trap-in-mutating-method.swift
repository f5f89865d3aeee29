// expect-error: 5:9: index out of range
struct Buffer {
    var slots = [0, 0]
    mutating func write(_ value: Int, at index: Int) {
        slots[index] = value
        print("wrote", value, "at", index)
    }
}
var buffer = Buffer()
buffer.write(7, at: 1)
print(buffer)
buffer.write(8, at: 2)
