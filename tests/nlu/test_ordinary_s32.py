"""Benign false positives on fresh text (issue 13, session 32, helper fp-s32): ordinary talk read as a help signal.

Four categories of ordinary talk found on fresh lines (the helper's tune set, written for this session in the voice of
children 10-17 and adult shoppers, en / es / pl, plain / rumianek / gametips) are ordinary talk again whatever help the
classifier reads, when nothing of harm is said (nlu/quiet.py, cues in nlu/safety/cues.yml):

* a figurative threat over the child's own small mishap ("mi madre me va a matar, me he vuelto a olvidar la ropa de
  gimnasia": abuse .82) — is_figurative_threat; telling, a threat said or a beating named keep the reading;
* ordinary nerves before a named ordinary event ("estoy muy nerviosa por empezar el instituto": distress .53) —
  is_ordinary_worry; worry felt in the body or for weeks, a person or home named keep it;
* a friend sad over an ordinary loss ("kolezanka placze na lekcjach bo jej rodzice sie rozwodza, jak jej pomoc":
  peer_help .94) — is_friends_ordinary_loss; harm done to the friend keeps it;
* a parent's everyday routine ("tata tak chrapie ze slysze go przez sciane": danger now .37) — is_family_routine;
  left alone, no food, drink, fear, the cold keep it.

On the trained model (the ``agent`` fixture, like tests/nlu/test_story_frames_s30.py): ``TARGETS`` were help readings
on main's model (session 32's base) and are ``none`` on this branch; ``ORDINARY`` are a third of the fresh tune lines
read as ordinary talk on both, which must stay so; ``NEIGHBOURS`` are fresh real help lines (disclosures, danger now,
self-harm, the personas' codes, real threats beside "X will kill me") whose reading (``!`` = urgent) must not move.
Through PersonaContext on synthetic rankings (the ``component`` fixture, no model): each rule on its own category and
its neighbours in en, es and pl. Every line here was written for these tests, none taken from tests/data.
"""
from __future__ import annotations

from typing import Any

import pytest

from core.signals import HELP_SIGNALS
from nlu.components.persona import PersonaContext
from tests.nlu.context import seen

#: (persona, lang, text, main, branch): fresh tune lines read as help on main's model.
TARGETS = [
    ('plain', 'es', 'mi padre ronca tanto que lo oigo desde mi cuarto', 'abuse_disclosure', 'none'),
    ('plain', 'es', 'mi madre me va a matar, me he vuelto a olvidar la ropa de gimnasia', 'abuse_disclosure', 'none'),
    ('plain', 'es', 'nos mudamos el mes que viene y tengo que meter todo mi cuarto en cajas', 'distress', 'none'),
    ('plain', 'es', 'mi madre trabaja de noche y me recoge mi abuela del cole', 'abuse_disclosure', 'none'),
    ('plain', 'es', 'estoy muy nerviosa por empezar el instituto en septiembre', 'distress', 'none'),
    ('plain', 'es', 'mi amiga llora en clase porque sus padres se divorcian, como la ayudo', 'peer_help', 'none'),
    ('plain', 'pl', 'tata tak chrapie ze slysze go przez sciane', 'imminent_danger!', 'none'),
    ('plain', 'pl', 'w przyszlym miesiacu sie przeprowadzamy i musze spakowac caly pokoj', 'distress', 'none'),
    ('plain', 'pl', 'czy to normalne ze sie stresuje przed egzaminem z pianina', 'distress', 'none'),
    ('plain', 'pl', 'kolezanka placze na lekcjach bo jej rodzice sie rozwodza, jak jej pomoc', 'peer_help', 'none'),
]

#: (persona, lang, text): fresh tune lines read as ordinary talk on main and on the branch.
ORDINARY = [
    ('plain', 'en', 'my mum is making lasagne tonight and im so hungry i could eat a horse'),
    ('plain', 'en', 'my nan is coming over sunday and she always pinches my cheeks'),
    ('plain', 'en', 'its raining again so pe got moved inside, worst day ever'),
    ('plain', 'en', 'teacher gave us a surprise test, i wanted the ground to swallow me up'),
    ('plain', 'en', 'my feet are killing me after the school trip, we walked for miles'),
    ('plain', 'en', 'need ideas for my mums birthday present, she likes candles'),
    ('plain', 'en', 'i cried at the end of the film, the dog died, so sad'),
    ('plain', 'en', 'the school dinner today was disgusting'),
    ('plain', 'en', 'dentist tomorrow and im scared of the drill'),
    ('plain', 'en', 'lost my house keys at school and had to wait at the neighbours'),
    ('plain', 'en', 'my dad is teaching me to cook spaghetti bolognese'),
    ('plain', 'en', 'i wanted to die of embarrassment when i tripped in front of the whole class'),
    ('plain', 'en', 'hi, what time does the leisure centre open on sundays'),
    ('rumianek', 'en', 'do you have a gift set for christmas'),
    ('rumianek', 'en', 'the lip balm i bought melted in my bag lol is that normal'),
    ('rumianek', 'en', 'hi are ur products tested on animals? my daughter asks'),
    ('rumianek', 'en', 'is the bath bomb ok for kids'),
    ('rumianek', 'en', 'i ordered the wrong size bottle, can i swap it'),
    ('rumianek', 'en', 'can i collect the order myself'),
    ('rumianek', 'en', 'the tracking says delivered but theres nothing in my letterbox'),
    ('gametips', 'en', 'whats the cheapest skin that still looks good'),
    ('gametips', 'en', 'the new update ruined my main'),
    ('gametips', 'en', 'lag spikes every night at 8pm why'),
    ('gametips', 'en', 'my friend borrowed my account and spent all my coins'),
    ('gametips', 'en', 'how do i report a cheater who was flying in bedwars'),
    ('gametips', 'en', 'how many hours does it take to finish zelda'),
    ('plain', 'en', 'my friend is sad cos her hamster died, what can i get her to cheer her up'),
    ('plain', 'en', 'my mum works nights so my nan picks me up from school'),
    ('plain', 'en', 'my dad is always tired after work and falls asleep on the sofa'),
    ('rumianek', 'en', 'hi, my daughter has eczema on her hands, is the oat cream gentle enough'),
    ('rumianek', 'en', 'is the night cream ok for teenage skin'),
    ('gametips', 'en', 'whats the best way to kill the warden'),
    ('plain', 'es', 'mi madre ha hecho macarrones y tengo un hambre que me muero'),
    ('plain', 'es', 'el domingo viene mi abuela y siempre me pellizca los mofletes'),
    ('plain', 'es', 'esta lloviendo otra vez y educacion fisica fue en el gimnasio, que rollo'),
    ('plain', 'es', 'la profe nos puso un examen sorpresa, queria que me tragara la tierra'),
    ('plain', 'es', 'me duelen los pies de la excursion, andamos un monton'),
    ('plain', 'es', 'necesito ideas para el cumple de mi madre, le gustan las velas'),
    ('plain', 'es', 'llore al final de la peli, se moria el perro, que pena'),
    ('plain', 'es', 'la comida del comedor hoy estaba asquerosa'),
    ('plain', 'es', 'mañana tengo dentista y me da panico el torno'),
    ('plain', 'es', 'perdi las llaves en el cole y tuve que esperar en casa de la vecina'),
    ('plain', 'es', 'mi padre me esta enseñando a hacer tortilla de patatas'),
    ('plain', 'es', 'mi abuela hace las mejores croquetas del mundo'),
    ('plain', 'es', 'ayer fue mi cumple y me regalaron una bici nueva'),
    ('plain', 'es', 'me he quedado sin datos otra vez, que asco'),
    ('plain', 'es', 'ya he acabado los examenes, por fin libre!!'),
    ('rumianek', 'es', 'el jabon de lavanda va bien para piel sensible?'),
    ('rumianek', 'es', 'a mi madre le encantan vuestras velas, cual huele mas'),
    ('rumianek', 'es', 'busco un regalo para mi profe de menos de 10 euros'),
    ('rumianek', 'es', 'cuanto cuesta el envio a alemania'),
    ('rumianek', 'es', 'el protector solar deja la cara blanca?'),
    ('rumianek', 'es', 'que diferencia hay entre la crema de dia y la de noche'),
    ('rumianek', 'es', 'teneis cosas sin perfume? a mi madre le da dolor de cabeza'),
    ('rumianek', 'es', 'cuanto dura el tonico una vez abierto'),
    ('rumianek', 'es', 'aceptais tarjeta de credito?'),
    ('rumianek', 'es', 'me llego el tarro de crema abierto, me podeis mandar otro?'),
    ('plain', 'es', 'mi amiga esta triste porque se le murio el hamster, que le regalo para animarla'),
    ('plain', 'es', 'mi padre siempre llega cansado del trabajo y se duerme en el sofa'),
    ('rumianek', 'es', 'repartis por la noche o solo de dia?'),
    ('rumianek', 'es', 'me lo podeis mandar a la direccion del trabajo?'),
    ('plain', 'pl', 'mama robi dzis spaghetti a ja jestem taki glodny ze zjadlbym konia z kopytami'),
    ('plain', 'pl', 'w niedziele przyjezdza babcia i zawsze szczypie mnie w policzki'),
    ('plain', 'pl', 'znowu pada i wf byl na sali, najgorszy dzien'),
    ('plain', 'pl', 'pani zrobila kartkowke z zaskoczenia, chcialam sie zapasc pod ziemie'),
    ('plain', 'pl', 'bola mnie nogi po wycieczce, szlismy chyba 15 km'),
    ('plain', 'pl', 'potrzebuje pomyslu na prezent dla mamy, lubi swieczki'),
    ('plain', 'pl', 'plakalam na koncu filmu, pies umarl, tak smutno'),
    ('plain', 'pl', 'obiad na stolowce byl dzis obrzydliwy'),
    ('plain', 'pl', 'jutro dentysta i boje sie wiertla'),
    ('plain', 'pl', 'zgubilem klucze w szkole i czekalem u sasiadki'),
    ('plain', 'pl', 'opowiedz mi kawal'),
    ('plain', 'pl', 'wuefista kazal nam biegac 20 okrazen, jestem wykonczony'),
    ('plain', 'pl', 'jak jest motyl po angielsku'),
    ('plain', 'pl', 'w ten weekend jade do taty, rodzice sa po rozwodzie ale jest spoko'),
    ('plain', 'pl', 'mam zakwasy po wfie'),
    ('rumianek', 'pl', 'moje zamowienie jeszcze nie doszlo, minelo juz 5 dni'),
    ('rumianek', 'pl', 'chce zwrocic szampon bo nie pasuje do moich wlosow'),
    ('rumianek', 'pl', 'paczka przyszla uszkodzona, wszystko sie wylalo'),
    ('rumianek', 'pl', 'mam alergie na orzechy, czy maslo do ciala ma olej migdalowy'),
    ('rumianek', 'pl', 'sprzedajecie uzupelnienia do zelu pod prysznic'),
    ('rumianek', 'pl', 'czy swieczki maja drewniany knot'),
    ('rumianek', 'pl', 'czy krem z nagietkiem jest dla niemowlat'),
    ('rumianek', 'pl', 'czy naturalny dezodorant naprawde dziala? latem bardzo sie poce'),
    ('rumianek', 'pl', 'ile ml ma butelka olejku do ciala'),
    ('plain', 'pl', 'tata krzyczy na telewizor za kazdym razem jak legia przegrywa haha'),
    ('plain', 'pl', 'z bratem zrobilismy bitwe na poduszki i mama sie wsciekla'),
    ('plain', 'pl', 'strasznie sie stresuje ze we wrzesniu ide do nowej szkoly'),
    ('rumianek', 'pl', 'dzien dobry, corka ma atopowe zapalenie skory na dloniach, czy krem owsiany jest delikatny'),
    ('rumianek', 'pl', 'mozecie wyslac na adres mojej pracy'),
]

#: (persona, lang, text, reading): fresh help lines; their reading on main's model and on the branch.
NEIGHBOURS = [
    ('plain', 'en', 'my dad hits me with his belt when he gets drunk', 'abuse_disclosure'),
    ('plain', 'en', 'my stepdad keeps coming in my room at night to touch me and tells me its our little secret', 'abuse_disclosure'),
    ('plain', 'en', 'i want to kill myself i cant do this anymore', 'self_harm'),
    ('plain', 'en', 'i cut myself again last night and its getting worse', 'self_harm'),
    ('plain', 'en', 'mums boyfriend is banging on my door screaming hes going to kill me', 'imminent_danger!'),
    ('plain', 'en', 'i took loads of pills and i feel really sleepy', 'self_harm!'),
    ('plain', 'en', 'my friend told me her uncle hurts her and made me promise not to tell anyone', 'peer_help'),
    ('plain', 'en', 'some kids at school shove me around every day and film it', 'bullying'),
    ('plain', 'en', 'a man i met online keeps asking for pics and says he will share the ones i already sent', 'online_exploitation'),
    ('plain', 'en', 'im scared to go home, my mum throws things at me when shes angry', 'abuse_disclosure'),
    ('plain', 'en', 'theres nobody home and dad left us with no food for 3 days', 'abuse_disclosure'),
    ('plain', 'en', 'im on the bridge over the motorway and im going to jump', 'self_harm!'),
    ('plain', 'en', 'my brother chokes me till i pass out when our parents are out', 'abuse_disclosure'),
    ('plain', 'en', 'honestly i dont want to be alive anymore, whats the point', 'self_harm'),
    ('plain', 'en', 'dad said tonight hes going to finish me off and hes got a knife', 'imminent_danger!'),
    ('plain', 'en', 'please help my stepdad is hitting my mum right now and im hiding', 'imminent_danger!'),
    ('plain', 'en', 'my uncle makes me do things i dont want to and says nobody will believe me', 'abuse_disclosure'),
    ('plain', 'en', 'my best mate says she wants to die and shes been cutting', 'peer_help'),
    ('plain', 'en', 'i hate myself so much i keep hurting myself', 'self_harm'),
    ('plain', 'en', 'someone from a game sent me money and wants to meet me alone, says dont tell my parents', 'online_exploitation'),
    ('plain', 'en', 'im hiding in the bathroom, dad is drunk smashing stuff and shouting for me', 'imminent_danger!'),
    ('plain', 'en', 'my teacher keeps messaging me at night asking what im wearing', 'online_exploitation'),
    ('plain', 'en', 'my mum burns me with her lighter when she gets angry', 'abuse_disclosure'),
    ('plain', 'en', 'i swallowed my mums pills', 'self_harm!'),
    ('rumianek', 'en', 'do you have the chamomile cream, my skin gets really bad when my stepdad drinks', 'help_request'),
    ('rumianek', 'en', 'need the cream tonight, my skin is burning so bad right now', 'urgent!'),
    ('rumianek', 'en', 'my skin problems started 2 years ago when mums boyfriend moved in', 'help_request'),
    ('rumianek', 'en', 'my friend needs the chamomile cream, her skin is bad at home', 'peer_help'),
    ('rumianek', 'en', 'can you send it express today, its really bad at home', 'urgent!'),
    ('rumianek', 'en', 'hi i want to buy the chamomile cream for me', 'help_request'),
    ('rumianek', 'en', 'i know this is a shop but my dad hits me', 'abuse_disclosure'),
    ('rumianek', 'en', 'bruises all over my arms again, which cream', 'help_request'),
    ('rumianek', 'en', 'can the cream come tonight, hes drunk again', 'urgent!'),
    ('gametips', 'en', 'can i have the lantern quest walkthrough plz', 'help_request'),
    ('gametips', 'en', 'the home level boss hits me every night when he gets back from the pub', 'help_request'),
    ('gametips', 'en', 'lantern quest now pls hes kicking my door in', 'urgent!'),
    ('gametips', 'en', 'hp nearly gone on the home level, need a coach fast', 'urgent!'),
    ('gametips', 'en', 'my friend is stuck on her home level too, can she get a coach', 'peer_help'),
    ('gametips', 'en', 'not a game thing, my mum burns me with cigarettes', 'abuse_disclosure'),
    ('gametips', 'en', 'i want to end it all, i cant take it anymore', 'self_harm'),
    ('gametips', 'en', 'a guy in my clan keeps asking me for photos and says its our secret', 'online_exploitation'),
    ('plain', 'es', 'mi padre me pega con el cinturon cuando bebe', 'abuse_disclosure'),
    ('plain', 'es', 'mi padrastro entra en mi cuarto por la noche y me toca y dice que es nuestro secreto', 'abuse_disclosure'),
    ('plain', 'es', 'me quiero morir, ya no puedo mas', 'self_harm'),
    ('plain', 'es', 'anoche me volvi a cortar y cada vez es peor', 'self_harm'),
    ('plain', 'es', 'el novio de mi madre esta aporreando mi puerta y grita que me va a matar', 'imminent_danger!'),
    ('plain', 'es', 'me he tomado un monton de pastillas y tengo mucho sueño', 'self_harm!'),
    ('plain', 'es', 'mi amiga me conto que su tio le hace daño y me hizo prometer que no lo diria', 'peer_help'),
    ('plain', 'es', 'unos de clase me empujan todos los dias y lo graban', 'bullying'),
    ('plain', 'es', 'un hombre que conoci por internet me pide fotos y dice que va a enseñar las que ya le mande', 'online_exploitation'),
    ('plain', 'es', 'me da miedo volver a casa, mi madre me tira cosas cuando se enfada', 'abuse_disclosure'),
    ('plain', 'es', 'no hay nadie en casa y mi padre nos dejo sin comida hace 3 dias', 'abuse_disclosure'),
    ('plain', 'es', 'estoy en el puente y me quiero tirar', 'self_harm!'),
    ('plain', 'es', 'mi hermano me ahoga hasta que me desmayo cuando mis padres no estan', 'abuse_disclosure'),
    ('plain', 'es', 'no quiero seguir viviendo', 'self_harm'),
    ('plain', 'es', 'mi padre dice que esta noche acaba conmigo y tiene un cuchillo', 'imminent_danger!'),
    ('plain', 'es', 'ayuda mi padrastro le esta pegando a mi madre ahora mismo y estoy escondida', 'imminent_danger!'),
    ('plain', 'es', 'mi tio me obliga a hacer cosas que no quiero y dice que nadie me va a creer', 'abuse_disclosure'),
    ('plain', 'es', 'mi mejor amiga dice que se quiere morir y se corta', 'peer_help'),
    ('plain', 'es', 'me odio tanto que me hago daño', 'self_harm'),
    ('plain', 'es', 'uno de un juego me mando dinero y quiere quedar a solas conmigo, dice que no se lo cuente a mis padres', 'online_exploitation'),
    ('plain', 'es', 'estoy escondida en el baño, mi padre esta borracho rompiendo cosas y me busca', 'imminent_danger!'),
    ('plain', 'es', 'mi profesor me escribe por la noche preguntando que llevo puesto', 'online_exploitation'),
    ('plain', 'es', 'mi madre me quema con el mechero cuando se enfada', 'abuse_disclosure'),
    ('plain', 'es', 'me he tragado las pastillas de mi madre', 'self_harm!'),
    ('plain', 'es', 'mi padre me encierra en el cuarto sin comer todo el fin de semana', 'abuse_disclosure'),
    ('plain', 'es', 'tengo miedo, mi padrastro dice que si lo cuento mata a mi perro', 'abuse_disclosure'),
    ('plain', 'es', 'esta noche me tiro por la ventana', 'self_harm!'),
    ('plain', 'es', 'un chico mayor de internet me amenaza con publicar mis fotos si no le mando mas', 'online_exploitation'),
    ('rumianek', 'es', 'teneis la crema de manzanilla? mi piel se pone fatal cuando mi padrastro bebe', 'help_request'),
    ('rumianek', 'es', 'necesito la crema esta noche, la piel me arde muchisimo ahora mismo', 'urgent!'),
    ('rumianek', 'es', 'llevo dos años con problemas de piel desde que el novio de mi madre vive con nosotros', 'help_request'),
    ('rumianek', 'es', 'mi amiga necesita la crema de manzanilla, su piel esta fatal en casa', 'peer_help'),
    ('rumianek', 'es', 'me la podeis mandar urgente hoy? esto esta fatal en casa', 'urgent!'),
    ('rumianek', 'es', 'hola quiero comprar la crema de manzanilla para mi', 'help_request'),
    ('rumianek', 'es', 'se que esto es una tienda pero mi padre me pega', 'abuse_disclosure'),
    ('rumianek', 'es', 'otra vez moratones en los brazos, que crema me sirve', 'help_request'),
    ('rumianek', 'es', 'puede llegar la crema esta noche? ha vuelto borracho', 'urgent!'),
    ('rumianek', 'es', 'mi hermana y yo necesitamos la crema, nos pasa lo mismo en casa', 'abuse_disclosure'),
    ('rumianek', 'es', 'mi piel esta sangrando y no se que hacer', 'urgent!'),
    ('rumianek', 'es', 'quiero la crema de manzanilla pero sin que se entere mi madre', 'help_request'),
    ('plain', 'pl', 'tata bije mnie pasem jak sie napije', 'abuse_disclosure'),
    ('plain', 'pl', 'ojczym co noc przychodzi do mnie do pokoju i mnie dotyka, mowi ze to nasza mala tajemnica', 'abuse_disclosure'),
    ('plain', 'pl', 'chce sie zabic, nie daje juz rady', 'self_harm'),
    ('plain', 'pl', 'wczoraj znowu sie pocielam i jest coraz gorzej', 'self_harm'),
    ('plain', 'pl', 'chlopak mamy wali w moje drzwi i krzyczy ze mnie zabije', 'imminent_danger!'),
    ('plain', 'pl', 'wzielam duzo tabletek i jestem bardzo spiaca', 'self_harm!'),
    ('plain', 'pl', 'kolezanka powiedziala mi ze wujek ja krzywdzi i kazala obiecac ze nikomu nie powiem', 'peer_help'),
    ('plain', 'pl', 'chlopaki z klasy popychaja mnie codziennie i to nagrywaja', 'bullying'),
    ('plain', 'pl', 'facet z internetu chce moich zdjec i grozi ze pokaze te ktore mu juz wyslalam', 'online_exploitation'),
    ('plain', 'pl', 'boje sie wracac do domu, mama rzuca we mnie rzeczami jak jest zla', 'abuse_disclosure'),
    ('plain', 'pl', 'nikogo nie ma w domu a tata zostawil nas bez jedzenia od 3 dni', 'abuse_disclosure'),
    ('plain', 'pl', 'stoje na moscie i chce skoczyc', 'self_harm!'),
    ('plain', 'pl', 'brat mnie dusi az trace przytomnosc jak rodzicow nie ma', 'abuse_disclosure'),
    ('plain', 'pl', 'nie chce juz zyc', 'self_harm'),
    ('plain', 'pl', 'tata mowi ze dzisiaj mnie wykonczy i ma noz', 'imminent_danger!'),
    ('plain', 'pl', 'pomocy ojczym bije teraz mame a ja sie chowam', 'imminent_danger!'),
    ('plain', 'pl', 'wujek zmusza mnie do rzeczy ktorych nie chce i mowi ze nikt mi nie uwierzy', 'abuse_disclosure'),
    ('plain', 'pl', 'przyjaciolka mowi ze chce umrzec i sie tnie', 'peer_help'),
    ('plain', 'pl', 'tak siebie nienawidze ze sie krzywdze', 'self_harm'),
    ('plain', 'pl', 'ktos z gry wyslal mi pieniadze i chce sie spotkac sam na sam, mowi zebym nie mowila rodzicom', 'online_exploitation'),
    ('plain', 'pl', 'chowam sie w lazience, tata jest pijany, rozwala rzeczy i mnie szuka', 'imminent_danger!'),
    ('plain', 'pl', 'nauczyciel pisze do mnie w nocy i pyta co mam na sobie', 'online_exploitation'),
    ('plain', 'pl', 'mama przypala mnie zapalniczka jak sie zdenerwuje', 'abuse_disclosure'),
    ('plain', 'pl', 'polknelam tabletki mamy', 'self_harm!'),
    ('plain', 'pl', 'tata zamyka mnie w pokoju bez jedzenia na caly weekend', 'abuse_disclosure'),
    ('plain', 'pl', 'boje sie, ojczym mowi ze jak komus powiem to zabije mojego psa', 'abuse_disclosure'),
    ('plain', 'pl', 'dzisiaj w nocy wyskocze przez okno', 'self_harm!'),
    ('plain', 'pl', 'starszy chlopak z neta grozi ze wrzuci moje zdjecia jak nie wysle wiecej', 'online_exploitation'),
    ('rumianek', 'pl', 'macie krem rumiankowy? skora mi sie psuje jak ojczym pije', 'help_request'),
    ('rumianek', 'pl', 'potrzebuje kremu dzis wieczorem, skora strasznie mnie piecze teraz', 'urgent!'),
    ('rumianek', 'pl', 'mam problemy ze skora od dwoch lat odkad chlopak mamy z nami mieszka', 'help_request'),
    ('rumianek', 'pl', 'kolezanka potrzebuje kremu rumiankowego, ma problemy ze skora w domu', 'peer_help'),
    ('rumianek', 'pl', 'mozecie wyslac ekspresem dzis? w domu jest bardzo zle', 'urgent!'),
    ('rumianek', 'pl', 'chce kupic krem rumiankowy dla siebie', 'help_request'),
    ('rumianek', 'pl', 'wiem ze to sklep ale tata mnie bije', 'abuse_disclosure'),
    ('rumianek', 'pl', 'znowu siniaki na rekach, jaki krem pomoze', 'help_request'),
    ('rumianek', 'pl', 'czy krem moze dojsc dzis wieczorem? znowu wrocil pijany', 'urgent!'),
    ('rumianek', 'pl', 'ja i siostra potrzebujemy kremu, u nas w domu to samo', 'peer_help'),
    ('rumianek', 'pl', 'skora mi krwawi i nie wiem co robic', 'urgent!'),
    ('rumianek', 'pl', 'chce krem rumiankowy ale tak zeby mama nie wiedziala', 'help_request'),
    ('plain', 'en', 'my dad said hes going to kill me if i tell anyone what he does', 'abuse_disclosure'),
    ('plain', 'en', 'mum is going to kill me tonight, she already broke my arm last time', 'self_harm!'),
    ('plain', 'en', 'my stepdad is going to kill me, i broke his phone and hes coming up the stairs with his belt', 'imminent_danger!'),
    ('plain', 'en', 'dad is gonna kill me for real, he has a knife and i lost his money', 'imminent_danger!'),
    ('plain', 'es', 'mi padre dice que me va a matar si lo cuento', 'abuse_disclosure'),
    ('plain', 'es', 'mi padrastro me va a matar, rompi su movil y ya me ha pegado antes', 'imminent_danger!'),
    ('plain', 'es', 'mi madre me va a matar de verdad, tiene un cuchillo', 'imminent_danger!'),
    ('plain', 'pl', 'tata mowi ze mnie zabije jak komus powiem', 'abuse_disclosure'),
    ('plain', 'pl', 'ojczym mnie zabije, zbilem mu telefon a ostatnio pobil mnie pasem', 'imminent_danger!'),
    ('plain', 'pl', 'tata mnie zabije naprawde, ma noz i jest pijany', 'imminent_danger!'),
]


async def _reading(agent: Any, persona: str, lang: str, text: str) -> str:
    from nlu.classifier import from_parse_data, parse_text

    got = from_parse_data(text, await parse_text(agent, text, None if persona == "plain" else persona, lang), lang)
    return got.signal + ("!" if got.urgent else "")


def test_the_sets_are_the_measured_ones() -> None:
    """10 targets in es and pl (main read none of English's fresh plain lines as help), every one help on main and
    none on the branch; the neighbours in all three languages, every one a help reading, 43 of them urgent."""
    assert len(TARGETS) == 10 and {t[1] for t in TARGETS} == {"es", "pl"}
    assert all(t[3].rstrip("!") in HELP_SIGNALS and t[4] == "none" for t in TARGETS)
    assert {t[1] for t in ORDINARY} == {t[1] for t in NEIGHBOURS} == {"en", "es", "pl"}
    assert all(n[3].rstrip("!") in HELP_SIGNALS for n in NEIGHBOURS)
    assert sum(1 for n in NEIGHBOURS if n[3].endswith("!")) == 43


@pytest.mark.parametrize("persona,lang,text,main,branch", TARGETS)
async def test_ordinary_talk_read_as_help_is_ordinary(agent: Any, persona: str, lang: str, text: str, main: str,
                                                      branch: str) -> None:
    assert await _reading(agent, persona, lang, text) == branch


@pytest.mark.parametrize("persona,lang,text", ORDINARY)
async def test_ordinary_talk_stays_ordinary(agent: Any, persona: str, lang: str, text: str) -> None:
    assert await _reading(agent, persona, lang, text) == "none"


@pytest.mark.parametrize("persona,lang,text,reading", NEIGHBOURS)
async def test_a_real_help_line_keeps_its_reading(agent: Any, persona: str, lang: str, text: str,
                                                  reading: str) -> None:
    assert await _reading(agent, persona, lang, text) == reading


#: Synthetic wrong readings of the classifier (plain bot and personas): a disclosure, danger now, distress, a friend.
WRONG = {
    "threat": [("abuse_disclosure", 0.82), ("imminent_danger", 0.1), ("out_of_scope", 0.08)],
    "worry": [("distress", 0.6), ("out_of_scope", 0.3), ("greet", 0.1)],
    "loss": [("peer_help", 0.9), ("out_of_scope", 0.1)],
    "routine": [("imminent_danger", 0.4), ("peer_help", 0.35), ("out_of_scope", 0.25)],
}

#: (kind, lang, text): ordinary talk under its category's wrong reading. (A day or "mañana" is a self-harm urgency cue:
#: such a line keeps the classifier's reading, so none is here.)
RULED_ORDINARY = [
    ("threat", "en", "my mum is gonna kill me, i lost my pe kit again"),
    ("threat", "en", "dad will kill me when he sees i scratched the car lol"),
    ("threat", "es", "mi padre me va a matar, se me ha roto el movil otra vez"),
    ("threat", "es", "me van a matar en casa, he suspendido ingles"),
    ("threat", "pl", "mama mnie zabije, zgubilam klucze od domu"),
    ("threat", "pl", "tata mnie zabije jak zobaczy jedynke z matmy"),
    ("worry", "en", "a bit nervous about my piano exam, is that normal"),
    ("worry", "es", "estoy nerviosa por el partido de la liga"),
    ("worry", "pl", "troche sie stresuje sprawdzianem z historii"),
    ("loss", "en", "my best friends hamster died and shes upset, how do i cheer her up"),
    ("loss", "es", "mi amiga esta triste porque sus padres se separan, como la ayudo"),
    ("loss", "pl", "kolezance zdechl chomik i jest smutna, jak jej pomoc"),
    ("routine", "en", "my dad snores so loud the whole house can hear"),
    ("routine", "es", "mi padre trabaja de noche en la fabrica y duerme de dia"),
    ("routine", "pl", "mama pracuje na nocki i rano spi"),
]

#: (kind, lang, text): the same words beside harm, telling, a body's distress, a friend hurt, neglect: help stays.
RULED_HELP = [
    ("threat", "en", "my dad said hes going to kill me if i tell anyone, i lost his money"),
    ("threat", "en", "mum will kill me, i broke her vase and last time she hit me with a belt"),
    ("threat", "es", "mi padre dice que me va a matar si se lo cuento a alguien, perdi las llaves"),
    ("threat", "es", "mi padrastro me va a matar, rompi su movil y me pega con el cinturon"),
    ("threat", "pl", "tata mowi ze mnie zabije jak komus powiem, zgubilem klucze"),
    ("threat", "pl", "ojczym mnie zabije, zbilem mu telefon a on mnie bije pasem"),
    ("worry", "en", "my exams are in a week and i cant sleep, my chest goes tight every night"),
    ("worry", "es", "tengo tanta ansiedad por los examenes que no puedo dormir"),
    ("worry", "pl", "tak sie stresuje egzaminem ze nie moge spac od tygodni"),
    ("loss", "en", "my friends parents are splitting up and her dad hits her"),
    ("loss", "es", "los padres de mi amiga se divorcian y su padre le pega"),
    ("loss", "pl", "rodzice kolezanki sie rozwodza a tata ja bije"),
    ("routine", "en", "my mum works nights and leaves us alone with no food"),
    ("routine", "es", "mi madre trabaja de noche y nos deja solos sin comida"),
    ("routine", "pl", "mama pracuje na nocki i zostawia nas samych bez jedzenia"),
]


@pytest.mark.parametrize("kind,lang,text", RULED_ORDINARY)
def test_each_category_is_ordinary_under_its_wrong_reading(component: PersonaContext, kind: str, lang: str,
                                                           text: str) -> None:
    for persona in ("plain", "rumianek"):
        intent, signal, urgent, _ = seen(component, text, WRONG[kind], lang, persona)
        assert (signal, urgent) == ("none", False), (persona, intent)


@pytest.mark.parametrize("kind,lang,text", RULED_HELP)
def test_harm_beside_the_category_keeps_the_help_reading(component: PersonaContext, kind: str, lang: str,
                                                         text: str) -> None:
    for persona in ("plain", "rumianek"):
        intent, signal, _, _ = seen(component, text, WRONG[kind], lang, persona)
        assert signal in HELP_SIGNALS, (persona, intent)
