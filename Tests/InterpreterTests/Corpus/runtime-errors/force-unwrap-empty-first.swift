// expect-error: 5:11: unexpectedly found nil while unwrapping an Optional value
var values = [3, 1, 2]
print(values.min()!)
values = []
let low = values.min()!
print(low)
