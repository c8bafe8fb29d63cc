package mocks

func init() {
	register("random:index/randomString:RandomString", func(req Request) (string, map[string]interface{}) {
		length := 8
		if n, ok := req.In["length"].(float64); ok {
			length = int(n)
		}
		// Only lowercase letters and digits: valid in every Azure name the program derives.
		const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
		h := Hash("random", req.Name)
		out := make([]byte, length)
		for i := range out {
			out[i] = alphabet[int(h[i%len(h)])*(i+7)%len(alphabet)]
		}
		return string(out), map[string]interface{}{"result": string(out)}
	})
}
