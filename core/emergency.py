"""The emergency number a child should dial first in a country, and the others after it.

Two sources, in this order:

1. :data:`DIAL_FIRST` — a reviewed override table: the number people (and children) are taught
   to dial, with the source that says so. 999 in the UK, 000 in Australia, 111 in New Zealand,
   112 in every EU member state (the single European emergency number), 911 in the US, Canada,
   Mexico and most of Latin America, the police number where a country has no single one (133
   Chile, 105 Peru, 110 Bolivia and Guatemala, 118 Nicaragua, 106 Cuba), 123 in Colombia.
2. libphonenumber's short-number metadata (``PhoneMetadata.short_metadata_for_region(cc)``): the
   well-known general numbers are tried in the order 911, 112, 999, 000, 111 and the first that
   the metadata accepts as an emergency number wins; otherwise the metadata's example number.

Every number of the table is also checked against the metadata (a test does it), so the table
can only choose among numbers libphonenumber already knows to be emergency numbers — except a row
marked ``outside_metadata`` (Honduras' 911, which the metadata lacks), which needs a quoted
source. Each row says how far its source carries it (``status``: sourced / partial / unsourced)
and the page's date. A persona's ``emergency_number`` override is checked the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Mapping, Optional

import phonenumbers
from phonenumbers import shortnumberinfo

PREFERRED_NUMBERS: Final = ("911", "112", "999", "000", "111")


#: How far a row's source carries it.
SOURCED: Final = "sourced"        # a stored public page says so; quoted in ``source``
PARTIAL: Final = "partial"        # a page says so for part of the country or with a caveat
UNSOURCED: Final = "unsourced"    # no page found in review: libphonenumber's metadata only


@dataclass(frozen=True)
class DialFirst:
    """A reviewed entry: ``number`` is what a child in the country should dial first.

    ``source`` quotes the page (URL, and its words); ``published`` is the page's date as the page
    or its address gives it ("undated" when neither does); ``reviewed`` is when the row was
    checked; ``status`` is :data:`SOURCED`, :data:`PARTIAL` or :data:`UNSOURCED` — a row is never
    presented as checked when no source was found. Where a country has separate police, fire and
    ambulance numbers, the police number comes first (a child in danger from a person), the others
    after it. ``outside_metadata``: the number is right per the source but libphonenumber's
    short-number metadata does not list it (the only rows allowed to go beyond the metadata).
    """

    number: str
    source: str
    reviewed: str  # YYYY-MM-DD
    published: str = "undated"
    status: str = SOURCED
    outside_metadata: bool = False


_EU_SOURCE: Final = (
    "Directive (EU) 2018/1972 (European Electronic Communications Code), Art. 109: 112 is the "
    "single European emergency number in every member state; EU '112 Day' page: "
    "https://latuaeuropavercelli.eu/node/12411 (NL, PT, DK, FI, SE, MT, RO use 112 as their main number); "
    "Malta Police, https://pulizija.gov.mt/en/emergency-services-112/: 'The emergency number 112 is a vital "
    "service designed to provide immediate assistance to those in urgent need across the European Union'")
EU_MEMBERS: Final = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())
_REVIEWED: Final = "2026-12-03"

#: The reviewed override table (ISO 3166-1 alpha-2 -> entry). Rows for the countries of the
#: supported languages (Latin America, Spain, Poland, the UK, the US, Ireland, Canada, Australia,
#: New Zealand) were re-read on 2026-12-03 from stored copies of public pages.
DIAL_FIRST: Final[Mapping[str, DialFirst]] = {
    **{cc: DialFirst("112", _EU_SOURCE, _REVIEWED) for cc in EU_MEMBERS},
    "ES": DialFirst("112", _EU_SOURCE + "; upday.com/es/si-tengo-una-emergencia-llamo-al-112-al-091-o-al-061: "
                    "'¿a qué número debemos llamar? ... ante la duda, elige siempre el 112'", _REVIEWED),
    "PL": DialFirst("112", _EU_SOURCE + "; https://kedzierzyn-kozle.policja.gov.pl/ok/kpp-kedzierzyn-kozle/"
                    "aktualnosci/11434,997-gt-112.html: 'chcąc przekazać zgłoszenie policji, kontaktować musimy "
                    "się z nr alarmowym 112' (997 now reaches the same 112 centres: alemecz.pl, 'Od stycznia "
                    "2019 roku centra powiadamiania ratunkowego obsługują także numer alarmowy Policji 997')",
                    _REVIEWED, published="2018-05-25"),
    "IE": DialFirst("112", _EU_SOURCE + "; HSE, https://www2.hse.ie/emergencies/when-to-call-112-or-999/: "
                    "'There are two emergency numbers in Ireland — 112 and 999. Both are free of charge to "
                    "call.' (999 follows)", _REVIEWED),
    "GB": DialFirst("999", "Dorset Police, http://www.dorset.police.uk/Default.aspx?page=728: 'In an emergency "
                    "you should always dial 999' (Avon and Somerset Police, "
                    "http://www.avonandsomerset.police.uk/contact/999.aspx: the same words); 112 reaches the "
                    "same 999 operators", _REVIEWED),
    "US": DialFirst("911", "Cherokee County, NC, http://www.cherokeecounty-nc.gov/FAQ.aspx?QID=62: 'The "
                    "three-digit telephone number \"9-1-1\" has been designated as the \"Universal Emergency "
                    "Number,\" for citizens throughout the United States'; libphonenumber also accepts 112, "
                    "which children are not taught", _REVIEWED),
    "CA": DialFirst("911", "City of Brampton, https://www1.brampton.ca/EN/residents/Emergency-Management/Pages/"
                    "About-911.aspx: 'In a life threatening situation, DIAL 9-1-1.'; citiesinsider.com: '911: "
                    "This is the primary emergency number in Canada for police, fire, and medical "
                    "emergencies'", _REVIEWED),
    "AU": DialFirst("000", "NSW Police, https://www.police.nsw.gov.au/?a=6943: 'If you need police, fire or "
                    "ambulance in an emergency call Triple Zero (000)'; 112 on mobiles is redirected to 000",
                    _REVIEWED),
    "NZ": DialFirst("111", "govt.nz, https://www.govt.nz/browse/crime-and-justice/crimes-and-emergencies/"
                    "111-emergency-service/: 'If you need help from the police, the fire service, or you need "
                    "an ambulance, dial 111'", _REVIEWED),
    "MX": DialFirst("911", "Segob: 911 replaces 066/088 nationwide from 9 January 2017 "
                    "(https://etcetera.com.mx/nacional/implementan-a-nivel-nacional-el-911-como-nuevo-nmero-"
                    "de-emergencia)", _REVIEWED, published="2017-01"),
    "CL": DialFirst("133", "La Tercera, https://www.latercera.com/nacional/noticia/la-ultima-apuesta-del-gobierno-"
                    "en-seguridad-publica-tener-un-acceso-unico-similar-al-911-y-crear-un-sistema-de-proteccion-"
                    "integrado/: 'en Chile, donde hay diferentes teléfonos para comunicarse con Carabineros "
                    "(133), Bomberos (132) y ambulancias (131)'; chile.travel: '133 para contatar os "
                    "Carabineros de Chile ... o principal número de resposta rápida em todo o país'. "
                    "libphonenumber's first, 911, is not what Chile publishes (a bill for a single number "
                    "was still before the Senate in November 2025)", _REVIEWED, published="2025-10-09"),
    "CO": DialFirst("123", "W Radio, https://wradio.com.co/2023/08/25/numero-para-llamar-a-emergencias-es-el-"
                    "mismo-en-toda-colombia/: 'El 123 es la línea única de emergencias Nacional, que permite "
                    "que en un solo número los colombianos puedan acceder a todos los servicios de emergencia' "
                    "(quoting Función Pública); libphonenumber's first, 112, is the Policía Nacional's line",
                    _REVIEWED, published="2023-08-25"),
    "PE": DialFirst("105", "La República, https://larepublica.pe/sociedad/2022/10/07/mtc-lima-y-callao-tendran-"
                    "al-911-...: 'los números de emergencia del Cuerpo General de Bomberos (116), la PNP (105)'; "
                    "the planned 911 was not yet in service in July 2025 (clubaopip.com.pe, 2025-07-07) and "
                    "libphonenumber does not list it", _REVIEWED, published="2022-10-07"),
    "BO": DialFirst("110", "Red Uno, https://www.reduno.com.bo/noticias/donde-denunciar-actos-de-corrupcion-"
                    "policia-habilita-lineas-telefonicas-directas-202512221834: 'Los números tradicionales 110 "
                    "y 120 siguen activos para emergencias y denuncias generales.'", _REVIEWED,
                    published="2025-12-03"),
    "GT": DialFirst("110", "Emisoras Unidas, https://emisorasunidas.com/nacional/2025/12/24/guia-de-numeros-de-"
                    "emergencia-por-celebraciones-de-fin-de-ano/: 'la Policía Nacional Civil (PNC) continúa "
                    "brindando atención las 24 horas mediante los números 110' (fire 122 / 123 after it)",
                    _REVIEWED, published="2025-12-24"),
    "NI": DialFirst("118", "El 19 Digital, https://www.el19digital.news/articulos/ver/173131-...: 'el Centro de "
                    "Emergencia ... recibe las llamadas realizadas a la línea 118, proporcionando respuestas "
                    "inmediatas ... accidentes de tránsito, alteraciones del orden público, emergencias "
                    "bomberiles y atenciones prehospitalarias' (libphonenumber's first, 115, is the fire "
                    "brigade's)", _REVIEWED, published="undated (cites 2025 call figures)"),
    "CU": DialFirst("106", "Juventud Rebelde, https://juventudrebelde.cu/index.php/cuba/2014-09-26/106-solo-para-"
                    "emergencias: 'la Policía Nacional Revolucionaria (PNR) a través del número 106, habilitado "
                    "para reportar casos de emergencia' (libphonenumber's example, 104, is the ambulance's)",
                    _REVIEWED, published="2014-09-26"),
    "HN": DialFirst("911", "Proceso Digital, https://proceso.hn/sistema-911-afirma-que-mantiene-operatividad-y-"
                    "que-sigue-verificando-contratos/: 'exhortó a los hondureños que ante cualquier situación de "
                    "emergencia se comunique a la Línea Nacional de Emergencias 9-1-1' (El Heraldo, 2026-02-26: "
                    "the Sistema Nacional de Emergencias 911 operates 'en todo Honduras'); libphonenumber lists "
                    "only 199", _REVIEWED, published="2026-02-25", outside_metadata=True),
    "CR": DialFirst("911", "yoamopuntarenas.com/?p=14844: 'El 9-1-1 es la línea única oficial para emergencias "
                    "en Costa Rica.' (Ley 7566 creates the Sistema de Emergencias 9-1-1)", _REVIEWED),
    "SV": DialFirst("911", "Diario Co Latino, https://diariocolatino.com/sistema-911-imparte-charlas-estudiantes-"
                    "varios-municipios-del-pais: 'educar ... a los niños y niñas sobre el buen uso del número de "
                    "emergencias 911' (División de Emergencia 911 of the Policía Nacional Civil)", _REVIEWED),
    "DO": DialFirst("911", "Listín Diario, https://listindiario.com/la-republica/gobierno/20260226/gobierno-pone-"
                    "funcionamiento-sistema-9-1-1-constanza-jima-abajo_895606.html: 'el Sistema 9-1-1 alcanza "
                    "una cobertura del 94% de la población nacional'", _REVIEWED, published="2026-02-26",
                    status=PARTIAL),
    "EC": DialFirst("911", "machalamovil.com/ecu-911-unico-encargado-de-emergencias-a-nivel-nacional-tras-nuevas-"
                    "resoluciones: 'La ciudadanía está invitada ... a utilizar el número único 9-1-1 en caso de "
                    "emergencias' (ECU 911 resolutions of 25 September 2024)", _REVIEWED),
    "PA": DialFirst("911", "La Estrella de Panamá, https://www.laestrella.com.pa/panama/nacional/ejecutivo-"
                    "impulsara-ley-para-sancionar-abusos-al-sistema-de-emergencias-JH18791008: 'Sistema Único de "
                    "Manejo de Emergencias Prehospitalarias (Sume 911)' — a medical line; Panamá América "
                    "(2020-03-09): people still use '104 de la Policía Nacional, 103 de los Bomberos' while the "
                    "national 911 is set up. libphonenumber lists only 911: check 104 before going live",
                    _REVIEWED, published="2026-01-02", status=PARTIAL),
    "PY": DialFirst("911", "ABC Color, https://www.abc.com.py/policiales/2025/12/28/sistema-911-mas-llamadas-por-"
                    "polucion-sonora-y-violencia-familiar/: 'La Policía Nacional informó que el Sistema 911 en "
                    "Asunción ...' ; La Unión: '911, que funciona en el país como un sistema de despacho y "
                    "llamadas de emergencias a cargo del Ministerio del Interior, en base a la ley 4739/2012'",
                    _REVIEWED, published="2025-12-28"),
    "UY": DialFirst("911", "la diaria, https://ladiaria.com.uy/justicia/articulo/2025/11/el-ministerio-del-"
                    "interior-inauguro-el-primer-totem-911-en-ciudad-vieja/: 'comunicarse con el servicio de "
                    "emergencia 911'; Ley 19.889 on calls 'al servicio de Emergencia 911'", _REVIEWED,
                    published="2025-11-27"),
    "VE": DialFirst("911", "VEN 911, https://ven911.gob.ve/?p=426: 'el cambio del 171 a VEN 9-1-1, está reflejado "
                    "en la resolución ministerial N° 169 de la Gaceta Oficial 41.738 de fecha 15 de octubre del "
                    "2019, tras lo cual se dio inicio a la difusión a nivel nacional del número único de "
                    "emergencia 9-1-1' (La Guaira was still migrating)", _REVIEWED, status=PARTIAL),
    "AR": DialFirst("911", "Ministerio de Seguridad de la Provincia de Buenos Aires, "
                    "http://emergencias911.mseg.gba.gov.ar/preguntas: 'Desde el 911 se DERIVAN TODAS LAS "
                    "EMERGENCIAS de la Provincia de Buenos Aires'. 911 is provincial (Ley 25.367 invites the "
                    "provinces to join); 101 (police) follows it", _REVIEWED, status=PARTIAL),
    "PR": DialFirst("911", "2020 Laws of Puerto Rico, Negociado de Sistemas de Emergencias 9-1-1, § 3623 "
                    "(https://instalawyer.io/laws/2020-laws-of-puerto-rico/3623-definiciones): 'agencias ... cuyos "
                    "servicios se ofrecen mediante el uso del número telefónico de emergencias 9-1-1, incluyendo "
                    "particularmente a los Negociados del Departamento de Seguridad Pública'", _REVIEWED,
                    published="2020"),
}


class UnknownEmergencyNumber(ValueError):
    """libphonenumber knows no emergency number for the country."""


def is_emergency_number(number: str, country: str) -> bool:
    """True if ``number`` is an emergency number in ``country`` (ISO 3166-1 alpha-2):
    libphonenumber's metadata, or a reviewed row that goes beyond it (:attr:`DialFirst.outside_metadata`)."""
    region = country.upper()
    reviewed = DIAL_FIRST.get(region)
    if reviewed is not None and reviewed.outside_metadata and number == reviewed.number:
        return True
    return bool(shortnumberinfo.is_emergency_number(number, region))


def emergency_number(country: str, override: Optional[str] = None) -> str:
    """The emergency number to show a child in ``country``; ``override`` wins if valid."""
    region = country.upper()
    if override is not None:
        if not is_emergency_number(override, region):
            raise UnknownEmergencyNumber(f"{override} is not an emergency number in {region}")
        return override
    reviewed = DIAL_FIRST.get(region)
    if reviewed is not None and is_emergency_number(reviewed.number, region):
        return reviewed.number
    metadata = phonenumbers.PhoneMetadata.short_metadata_for_region(region)
    if metadata is None or metadata.emergency is None:
        raise UnknownEmergencyNumber(f"no emergency number is known for country {region}")
    for number in PREFERRED_NUMBERS:
        if is_emergency_number(number, region):
            return number
    example = metadata.emergency.example_number
    if not example:
        raise UnknownEmergencyNumber(f"no emergency number is known for country {region}")
    return str(example)


def dial_first(country: Optional[str]) -> Optional[str]:
    """The number :func:`emergency_number` gives for ``country``, or None (no country, none known)."""
    if not country:
        return None
    try:
        return emergency_number(country)
    except UnknownEmergencyNumber:
        return None


@lru_cache(maxsize=1)
def dial_first_numbers() -> tuple[str, ...]:
    """Every number :func:`dial_first` can give for a region libphonenumber knows, sorted: the
    values the ``dial_first`` slot can take (one emergency reply variation per number)."""
    found = {dial_first(region) for region in phonenumbers.SUPPORTED_SHORT_REGIONS}
    return tuple(sorted(n for n in found if n is not None))


def emergency_numbers(country: str) -> list[str]:
    """Every emergency number of ``country``: the one to dial first, then the others ascending."""
    region = country.upper()
    meta = phonenumbers.PhoneMetadata.short_metadata_for_region(region)
    if meta is None or meta.emergency is None or not meta.emergency.national_number_pattern:
        return []
    pattern = re.compile(meta.emergency.national_number_pattern)
    found: list[str] = []
    reviewed = DIAL_FIRST.get(region)
    if reviewed is not None and reviewed.outside_metadata:
        found.append(reviewed.number)
    for length in sorted(meta.emergency.possible_length or (3,)):
        for n in range(10 ** length):
            candidate = str(n).zfill(length)
            if pattern.fullmatch(candidate) and is_emergency_number(candidate, region):
                found.append(candidate)
    try:
        first: Optional[str] = emergency_number(region)
    except UnknownEmergencyNumber:
        first = None
    if first is not None and first in found:
        found.remove(first)
        found.insert(0, first)
    return found


def emergency_source(country: str) -> str:
    """Where the dial-first number of ``country`` comes from (for the starter directory)."""
    reviewed = DIAL_FIRST.get(country.upper())
    if reviewed is not None:
        return (f"reviewed table ({reviewed.reviewed}, {reviewed.status}, page dated {reviewed.published}): "
                f"{reviewed.source}")
    return "libphonenumber short-number metadata (first of 911, 112, 999, 000, 111 it accepts)"
