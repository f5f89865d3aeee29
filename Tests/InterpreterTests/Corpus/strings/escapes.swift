print("a\tb")
print("line1\nline2")
print("quote: \"q\"")
print("back\\slash")
print(["a\tb", "say \"hi\"", "new\nline", "back\\slash"])
print(("tab\t", 1))
print(["key\n": "value\t"])
let apostrophe = "it's"
print(apostrophe, [apostrophe])
