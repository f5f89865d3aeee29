for row in 1...4 {
    for column in 1...4 {
        print(row * column, terminator: column < 4 ? "\t" : "\n")
    }
}
let values = [3, 14, 159]
for v in values {
    var text = String(v)
    while text.count < 5 {
        text = " " + text
    }
    print("|" + text + "|")
}
