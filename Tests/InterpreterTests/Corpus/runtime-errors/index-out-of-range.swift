// expect-error: 5:7: index out of range
let values = [10, 20, 30]
print(values[2])
print("reading one past the end")
print(values[3])
print("not reached")
