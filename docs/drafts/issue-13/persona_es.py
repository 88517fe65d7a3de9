"""Add fresh Spanish benign shop lines to rumianek's cover intents (issue 13)."""
import sys
path = sys.argv[1]
ADD = {
    "shipping": [
        "quería saber si el pedido de ayer ya ha salido",
        "lo podéis mandar envuelto para regalo, es para el cumpleaños de mi tía",
        "si pido hoy, cuándo me llega a Valencia",
        "el paquete lo puede recoger mi vecina si no estoy?",
        "cuánto cuesta el envío normal a Madrid",
        "me avisáis por correo cuando salga el paquete",
    ],
    "returns": [
        "quiero cancelar el pedido que hice ayer",
        "me he equivocado de crema, puedo anular el pedido",
        "cómo cancelo un pedido que todavía no ha salido",
        "el jabón me llegó partido, me lo cambiáis",
        "puedo devolver el champú si no lo he abierto",
        "pedí dos veces lo mismo sin querer, cancelad uno porfa",
    ],
    "website_help": [
        "puedo mandaros una foto del diseño que quiero para la etiqueta",
        "os mando una foto del producto que me llegó mal?",
        "no me deja subir la foto del tique en la web",
        "cómo os envío una captura del error de la página",
        "la web no me carga el carrito desde el móvil",
        "no me llega el correo para cambiar la contraseña",
    ],
    "payment": [
        "se puede pagar con bizum",
        "me han cobrado dos veces el mismo pedido",
        "aceptáis tarjeta de débito de un banco español",
        "puedo pagar contra reembolso",
    ],
    "ask_product_info": [
        "la crema de manzanilla sirve para piel sensible",
        "el bálsamo labial lleva algo de perfume",
        "las sales de baño se pueden usar con niños pequeños",
        "el champú de ortiga vale para pelo graso",
        "la infusión tiene teína",
        "qué tamaño tiene el tarro de la crema de manos",
    ],
}
lines = open(path, encoding="utf-8").read().split("\n")
out, current, in_examples = [], None, False
for i, line in enumerate(lines):
    if line.startswith("  - name: "):
        current = line.split(": ", 1)[1].strip()
    if line == "    replies:" and current in ADD:
        out += [f'        - "{t}"' for t in ADD.pop(current)]
    out.append(line)
assert not ADD, ADD
open(path, "w", encoding="utf-8").write("\n".join(out))
