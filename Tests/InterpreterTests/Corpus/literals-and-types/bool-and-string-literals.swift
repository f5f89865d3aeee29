let yes = true
let no = false
print(yes, no)
print(yes && no, yes || no, !yes)
let greeting = "Hello, world!"
print(greeting)
print("tab:\tend")
print("quote: \"q\"")
print("backslash: \\")
print("two\nlines")
print("")
print("unicode: caf\u{E9}")
let empty = ""
print(empty.isEmpty, greeting.isEmpty)
