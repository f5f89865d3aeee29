// expect-error: 4:7: left side of mutating operator isn't mutable: 'total' is a 'let' constant
let total = 10
print(total)
total += 1
