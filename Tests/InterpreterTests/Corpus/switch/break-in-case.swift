for n in [1, 2, 3, 4] {
    switch n {
    case 2:
        print("two, leaving the switch early")
        break
    case 3:
        if n > 2 {
            print("three")
            break
        }
        print("not reached")
    default:
        print("default", n)
    }
    print("after switch", n)
}
