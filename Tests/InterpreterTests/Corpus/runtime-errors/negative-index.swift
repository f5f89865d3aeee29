// expect-error: 5:15: index out of range
let letters = ["a", "b"]
let offset = -1
print(letters[0])
let element = letters[offset]
print(element)
