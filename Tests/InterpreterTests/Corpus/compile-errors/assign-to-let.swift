// expect-error: 4:1: cannot assign to value: 'x' is a 'let' constant
let x = 1
print(x)
x = 2
print(x)
