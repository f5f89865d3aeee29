let temperatures = [-5.0, 12.5, 25.0, 31.0]
for t in temperatures {
    if t < 0 {
        print(t, "freezing")
    } else {
        if t < 20 && t > 10 {
            print(t, "mild")
        } else if t >= 30 || t == 25 {
            print(t, "hot")
        } else {
            print(t, "other")
        }
    }
}
let a = true
let b = false
if a && !b {
    print("a and not b")
}
