let value = 10
func show() {
    let value = 20
    print("in function", value)
}
show()
print("global", value)
for value in 1...2 {
    print("loop", value)
}
if true {
    let value = "text"
    print("if", value)
}
let text: String? = "7"
if let text = text {
    print("unwrapped", text)
}
print(value)
