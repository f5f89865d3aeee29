// expect-error: 3:7: cannot find 'total' in scope
let values = [1, 2, 3]
print(total)
