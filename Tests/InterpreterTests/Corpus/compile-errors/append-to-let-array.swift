// expect-error: 4:8: cannot use mutating member on immutable value: 'values' is a 'let' constant
let values = [1, 2]
print(values)
values.append(3)
