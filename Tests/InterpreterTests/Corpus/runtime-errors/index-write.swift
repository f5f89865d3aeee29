// expect-error: 5:1: index out of range
var values = [1, 2, 3]
values[0] = 10
print(values)
values[3] = 4
print(values)
