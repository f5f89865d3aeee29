// expect-error: 4:24: index out of range
let values = [1, 2]
print("first line")
print("never printed", values[2], terminator: "")
