"""Interface strings of the front-end per language (the persona supplies its own content: name,
banner, footer lines, exit label; ``free_delivery`` is filled with the persona's threshold)."""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "close_page": "Close", "free_delivery": "Free delivery from {amount}",
        "catalogue_shop": "Our products", "catalogue_tips": "Popular guides",
        "chat_open_shop": "Customer service", "chat_open_tips": "Ask a coach",
        "chat_title_shop": "Customer service", "chat_title_tips": "Coach chat",
        "chat_hello_shop": "Hello! Ask us about products, orders or delivery.",
        "chat_hello_tips": "Hey! Stuck somewhere? Tell us the game and the level.",
        "chat_placeholder": "Write a message…", "send": "Send", "close": "Close chat",
        "ask_product": "Ask about this product", "ask_guide": "Ask about this guide",
        "back": "← All products", "back_tips": "← All guides", "size": "Size",
        "footer": "Questions? Our team answers in the chat.", "language": "Language",
        "sending_failed": "Message not sent. Please try again.", "messages": "Messages",
        "product_page": "Product", "price": "Price",
        "busy": "Lots of messages right now. Please wait a moment and write again.",
    },
    "pl": {
        "close_page": "Zamknij", "free_delivery": "Darmowa dostawa od {amount}",
        "catalogue_shop": "Nasze produkty", "catalogue_tips": "Popularne poradniki",
        "chat_open_shop": "Obsługa klienta", "chat_open_tips": "Zapytaj trenera",
        "chat_title_shop": "Obsługa klienta", "chat_title_tips": "Czat z trenerem",
        "chat_hello_shop": "Dzień dobry! Zapytaj nas o produkty, zamówienia lub dostawę.",
        "chat_hello_tips": "Hej! Utknąłeś? Napisz, jaka gra i który poziom.",
        "chat_placeholder": "Napisz wiadomość…", "send": "Wyślij", "close": "Zamknij czat",
        "ask_product": "Zapytaj o ten produkt", "ask_guide": "Zapytaj o ten poradnik",
        "back": "← Wszystkie produkty", "back_tips": "← Wszystkie poradniki", "size": "Pojemność",
        "footer": "Pytania? Nasz zespół odpowiada na czacie.", "language": "Język",
        "sending_failed": "Nie wysłano wiadomości. Spróbuj ponownie.", "messages": "Wiadomości",
        "product_page": "Produkt", "price": "Cena",
        "busy": "Mamy teraz dużo wiadomości. Poczekaj chwilę i napisz ponownie.",
    },
    "es": {
        "close_page": "Cerrar", "free_delivery": "Envío gratis desde {amount}",
        "catalogue_shop": "Nuestros productos", "catalogue_tips": "Guías populares",
        "chat_open_shop": "Atención al cliente", "chat_open_tips": "Pregunta a un coach",
        "chat_title_shop": "Atención al cliente", "chat_title_tips": "Chat con un coach",
        "chat_hello_shop": "¡Hola! Pregúntanos por productos, pedidos o envíos.",
        "chat_hello_tips": "¡Hola! ¿Atascado? Dinos el juego y el nivel.",
        "chat_placeholder": "Escribe un mensaje…", "send": "Enviar", "close": "Cerrar chat",
        "ask_product": "Preguntar por este producto", "ask_guide": "Preguntar por esta guía",
        "back": "← Todos los productos", "back_tips": "← Todas las guías", "size": "Tamaño",
        "footer": "¿Preguntas? Nuestro equipo responde en el chat.", "language": "Idioma",
        "sending_failed": "Mensaje no enviado. Inténtalo de nuevo.", "messages": "Mensajes",
        "product_page": "Producto", "price": "Precio",
        "busy": "Tenemos muchos mensajes ahora mismo. Espera un momento y vuelve a escribir.",
    },
}


def strings(lang: str) -> dict[str, str]:
    return STRINGS.get(lang, STRINGS["en"])
