// expect-error: 5:7: division by zero in remainder operation
let values = [3, 0]
let n = 17
print(n % values[0])
print(n % values[1])
