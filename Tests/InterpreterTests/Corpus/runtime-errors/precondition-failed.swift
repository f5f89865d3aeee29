// expect-error: 4:1: precondition failed: the list must not be empty
let items: [String] = []
print("items:", items.count)
precondition(!items.isEmpty, "the list must not be empty")
print("not reached")
