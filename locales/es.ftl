# Español.

language-name = Español
language-dir = ltr

## El marco de cada página

app-name = Identificación Municipal
skip-to-content = Ir al contenido principal
nav-label = Principal
language-label = Idioma de estas páginas
nav-enroll = Inscribir a un residente
nav-find = Buscar a un residente
nav-staff = Cuentas del personal
nav-policy = Política y claves
nav-audit = Informe de conservación
nav-password = Cambiar la contraseña
logout = Cerrar sesión
footer-privacy = Este servicio guarda lo menos posible sobre los residentes, durante el menor tiempo posible. Escriba los datos de los residentes solo en estos formularios.
back-home = Volver a la página de inicio
error-prefix = Error:
continue = Continuar
yes = Sí
no = No
choose = Elija…
optional = (opcional)
required = (obligatorio)
save = Guardar los cambios
cancel = Cancelar
you = usted

## Fechas y números, escritos como se escriben en español
date-long = { $day } de { $monthName } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
number-group-separator = .

## Rechazos

csrf-title = No se puede aceptar este formulario
err-csrf = El formulario no se envió desde este sitio, o la página había caducado. Vuelva atrás, recargue la página e inténtelo de nuevo.
forbidden-title = No permitido
err-forbidden = Su función ({ $role }) no puede abrir esta página.
not-found-title = No encontrado
err-not_found = No existe ese registro.
outage-title = No se guardó nada
err-database_unavailable = En este momento no se puede acceder a la base de datos, así que no se guardó nada. Espere un momento, vuelva atrás e inténtelo de nuevo.
err-storage_full = El almacenamiento del servidor está lleno, así que no se guardó nada. Avise a un administrador; podrá enviar el formulario de nuevo cuando se libere espacio.
err-key_custody_unavailable = En este momento no se puede acceder a las claves que protegen los datos de los residentes, así que no se leyó ni se guardó nada. Espere un momento, vuelva atrás e inténtelo de nuevo.
problem-title = No se puede hacer
form-unreadable-title = No se pudo leer el formulario
err-form-unreadable = No se pudo leer el formulario, o era demasiado grande. Vuelva atrás e inténtelo de nuevo.
err-invalid-value = Un valor no es válido. Revise el formulario e inténtelo de nuevo.

## Iniciar sesión

login-title = Iniciar sesión
logged-out = Ha cerrado la sesión.
username = Nombre de usuario
password = Contraseña
login-button = Iniciar sesión
err-invalid_credentials = El nombre de usuario o la contraseña no son correctos.
err-too_many_attempts = Demasiados intentos fallidos. Espere { $unit ->
        [seconds] { $count ->
            [one] un segundo
           *[other] { $count } segundos
        }
       *[minutes] { $count ->
            [one] un minuto
           *[other] { $count } minutos
        }
    } y vuelva a intentarlo.

## Contraseña

password-title = Cambiar su contraseña
password-changed = Su contraseña se ha cambiado. Sus otras sesiones se han cerrado.
password-required = Inició sesión con una contraseña de un solo uso. Elija su propia contraseña antes de continuar.
label-current_password = Contraseña actual
label-new_password = Contraseña nueva
label-confirm_password = Repita la contraseña nueva
password-rule = Al menos 12 caracteres. Unas cuantas palabras sin relación forman una buena contraseña.
password-button = Cambiar la contraseña
err-password-mismatch = Las dos contraseñas nuevas no coinciden.
err-current-password-wrong = La contraseña actual no es correcta.
err-weak_password = La contraseña nueva no es aceptable: use al menos 12 caracteres, distinta de la actual.

## Funciones

role-clerk = empleado de ventanilla
role-supervisor = supervisor
role-auditor = auditor
role-admin = administrador

## Inscripción

enroll-title = Inscribir a un residente
form-language-label = Mostrar este formulario en
form-has-problems = { $count ->
    [one] El formulario tiene un problema
   *[other] El formulario tiene { $count } problemas
}
duplicate-title = Puede ser alguien ya inscrito
duplicate-text = Ya hay un residente inscrito con el mismo nombre legal y la misma fecha de nacimiento.
duplicate-open = Abrir ese registro
duplicate-or-confirm = Si es otra persona, marque «Es otra persona» al final del formulario e inscríbala de nuevo.
duplicate-confirm = Es otra persona: inscribir de todos modos
enroll-documents = Documentos presentados
enroll-documents-hint = Marque cada tipo de documento que presenta el residente. La tarjeta necesita { $identity } puntos de identidad y { $residency } punto(s) de residencia.
doc-points = { $identity } identidad · { $residency } residencia
points-total = Puntos hasta ahora
points-identity = Puntos de identidad
points-residency = Puntos de residencia
points-met = requisito cumplido
points-missing = puntos que faltan: { $n }
enroll-documents-privacy = Mire los documentos y devuélvalos. Solo se usan los tipos que marque, para sumar los puntos; no se anota ni se guarda nada más sobre ellos.
enroll-details = El residente
label-legal_name = Nombre legal
hint-legal_name = Tal como lo escribe el residente, en cualquier alfabeto.
label-preferred_name = Nombre preferido
hint-preferred_name = El nombre que usa el residente, si es distinto. Se imprime debajo del nombre legal.
label-date_of_birth = Fecha de nacimiento
hint-date_of_birth = El residente debe tener al menos { $age } años.
label-gender = Marcador de género
hint-gender = Autodesignado: pregunte al residente y anote lo que elija. X es para quien no quiere ni F ni M. En blanco no se imprime ningún marcador.
gender-blank = Ninguno (en blanco)
gender-f = F
gender-m = M
gender-x = X
enroll-address = Dirección en la tarjeta
hint-address = Una dirección de domicilio, o una línea «a cargo de» para el correo recibido en un albergue o una agencia. Se imprime al dorso de la tarjeta y después se borra.
label-confidential = Tarjeta confidencial: sin dirección, nunca por correo, se entrega en persona
hint-confidential = Para un residente cuya dirección no debe conocerse (por ejemplo, una sobreviviente de violencia). La tarjeta se imprime sin dirección y nunca se envía por correo: se entrega aquí, o el residente la recoge en la sede que elija. Se borra cualquier dirección registrada.
address-none = Sin dirección
address-home = Domicilio
address-care-of = A cargo de un albergue o agencia
label-address_line1 = Calle y número
label-address_line2 = Apartamento, piso (opcional)
label-address_care_of = Albergue o agencia
label-address_city = Ciudad
label-address_postal_code = Código postal
enroll-extras = También en la tarjeta
label-language_1 = Idioma que habla
label-language_2 = Segundo idioma que habla
language-none = Ninguno
label-card_language = Segundo idioma en la tarjeta
hint-card_language = Las etiquetas de la tarjeta y el texto para devolverla si se encuentra se imprimen en { $language }. El residente puede pedir que se impriman también, debajo, en uno de estos idiomas.
card-language-none = Ninguno: solo { $language }
label-emergency_name = Contacto de emergencia: nombre
label-emergency_phone = Contacto de emergencia: teléfono
label-veteran = Veterano
label-organ_donor = Donante de órganos
enroll-photo = Foto
hint-photo = De frente a la cámara, fondo liso, sin sombrero salvo por motivos religiosos. Use la cámara o elija un archivo JPEG o PNG.
camera-denied = El navegador no permitió la cámara. Elija un archivo de foto, o permita la cámara e inténtelo de nuevo.
camera-none = No se pudo encender ninguna cámara. Elija un archivo de foto.
camera-ready = La cámara está encendida. Tome la foto cuando el residente esté listo.
camera-taken = Foto tomada. Repítala si hace falta.
camera-live = Imagen de la cámara en directo
camera-start = Encender la cámara
camera-take = Tomar la foto
camera-retake = Repetir la foto
label-photo = Archivo de la foto (JPEG o PNG)
photo-kept = Se conserva la foto enviada antes. Elija o tome otra para sustituirla.
photo-preview-alt = La foto que se imprimirá en la tarjeta
photo-none-yet = Todavía no hay foto
enroll-submit = Inscribir al residente

## Tipos de documento

doc-passport = Pasaporte
doc-consular_id = Matrícula consular
doc-drivers_license = Licencia de conducir
doc-state_id = Tarjeta de identificación estatal
doc-birth_certificate = Acta de nacimiento
doc-utility_bill = Factura de servicios
doc-lease = Contrato de alquiler
doc-bank_statement = Estado de cuenta bancario
doc-shelter_letter = Carta de un albergue o agencia

## Lo que el servicio rechaza

err-invalid_name = Escriba un nombre con al menos una letra, de 150 caracteres como máximo, en una sola línea.
err-invalid_characters = El carácter { $position } de «{ $field }» es invisible o cambia la dirección o la forma del texto que lo rodea, así que un nombre no puede contenerlo (suele llegar al pegar un nombre). Bórrelo y vuelva a escribir esa parte del nombre.
err-invalid_date = Escriba una fecha real.
err-date_of_birth_in_future = La fecha de nacimiento está en el futuro.
err-below_minimum_age = La tarjeta requiere que el residente tenga al menos { $age } años.
err-invalid_gender = Elija F, M, X o ninguno.
err-invalid_language = Elija un idioma de la lista.
err-too_many_languages = En la tarjeta caben como máximo dos idiomas.
err-invalid_phone = Un número de teléfono tiene de 3 a 20 dígitos, y además solo + - ( ) . y espacios.
err-invalid_address = Indique un domicilio con su calle, o una línea «a cargo de» —no ambos—, con líneas de 120 caracteres como máximo.
err-photo_too_large = La foto es demasiado grande. Use un archivo más pequeño.
err-unsupported_photo_format = La foto debe ser un archivo JPEG o PNG.
err-invalid_photo = No se pudo leer la foto. Tómela de nuevo o elija otro archivo.
err-photo_too_small = La foto es demasiado pequeña para imprimirla. Tómela más de cerca o elija un archivo más grande.
err-photo-missing = Tome una foto o elija un archivo de foto.
err-insufficient_proof = Los documentos marcados suman { $identity } puntos de identidad y { $residency } de residencia; se necesitan { $need_identity } y { $need_residency }.
err-insufficient_proof-none = Marque los tipos de documento que presentó el residente.
err-unknown_document_kind = Un tipo de documento no está en la lista. Recargue la página y vuelva a marcar.
err-possible_duplicate = Ya hay un residente inscrito con el mismo nombre legal y la misma fecha de nacimiento.
err-payload_too_large = El formulario es demasiado grande. Use una foto más pequeña.
err-invalid_card_number = Un número de tarjeta tiene 12 dígitos; revise si hay un dígito mal escrito.
err-card_not_active = La tarjeta ya está revocada o ha caducado.
err-resident_data_destroyed = Los datos personales de este residente se destruyeron según la política de conservación.
err-unsupported_script = Las fuentes de la tarjeta no pueden imprimir este nombre exactamente, así que no se emitió la tarjeta. Pida a un administrador que añada una fuente para este alfabeto.
err-unsupported_script-named = El carácter { $position } de «{ $field }» está en una escritura que la tarjeta no puede imprimir aquí ({ $script }), así que no se guardó. Pida a un administrador que añada una fuente para esa escritura.
err-invalid_username = Un nombre de usuario tiene de 2 a 64 caracteres: a–z, 0–9, «.», «_» y «-».
err-username_taken = Ya existe una cuenta con ese nombre de usuario.
err-own_account = No puede desactivar su propia cuenta ni quitarse la función de administrador.
err-revoke-reason = Elija por qué se revoca la tarjeta.
err-does_not_fit = Este campo es demasiado largo para caber en la tarjeta, aun con la letra más pequeña, así que no se emitió la tarjeta. Acórtelo (el nombre preferido, por ejemplo) e inténtelo de nuevo.
err-changed_meanwhile = Otra persona cambió este registro mientras usted lo editaba. No se guardó nada: ábralo de nuevo y repita su cambio.
err-internal_error = Algo falló de nuestro lado y no se guardó nada. Inténtelo de nuevo; si vuelve a ocurrir, avise a un administrador.
err-invalid_batch = Elija menos tarjetas para imprimir a la vez.
err-invalid_field_type = Un valor se envió con un formato incorrecto. Vuelva a cargar la página e inténtelo de nuevo.
err-invalid_format = Ese formato no está disponible. Elija uno de la lista.
err-invalid_query = La dirección de esta página no es válida. Vuelva atrás e inténtelo de nuevo.
err-invalid_value = Un valor no es válido. Revise el campo marcado.
err-malformed_body = No se pudo leer el formulario. Vuelva a cargar la página e inténtelo de nuevo.
err-malformed_json = No se pudo leer la solicitud. Vuelva a cargar la página e inténtelo de nuevo.
err-method_not_allowed = Esta página no se puede usar de esa manera. Vuelva atrás y use los botones de la página.
err-missing_field = Falta un campo obligatorio. Complételo e inténtelo de nuevo.
err-not_authenticated = Su sesión terminó. Inicie sesión de nuevo.
err-password_change_required = Cambie su contraseña antes de continuar.
err-request_timeout = El formulario tardó demasiado en llegar y no se guardó. Revise la conexión y envíelo de nuevo.
err-too_many_connections = Hay demasiadas conexiones desde esta computadora a la vez. Espere un momento e inténtelo de nuevo.
err-too_many_requests = Demasiadas verificaciones desde esta computadora. Espere un minuto e inténtelo de nuevo.
err-unknown_field = El formulario envió un campo que este servicio no conoce. Vuelva a cargar la página e inténtelo de nuevo.
err-unsupported_media_type = El formulario se envió de una forma que este servicio no puede leer. Vuelva a cargar la página e inténtelo de nuevo.

## Buscar a un residente

find-title = Buscar a un residente
find-hint = Escriba el nombre legal y la fecha de nacimiento exactos. Solo se encuentra una coincidencia exacta; no hay ninguna lista de residentes.
find-button = Buscar
find-results = Resultado
find-several = Coinciden { $count } registros. Ábralos para distinguirlos.
find-open-record = Registro { $n }
find-none = Ningún residente coincide con ese nombre legal y esa fecha de nacimiento.
find-enroll-instead = Inscribir a un residente nuevo

## El registro de un residente

resident-title = Residente
action-issue = Emitir una tarjeta
action-edit = Cambiar el nombre o la dirección
photo-of-resident = La foto del residente
label-languages = Idiomas
label-emergency = Contacto de emergencia
label-address = Dirección
address-none-kept = No se guarda ninguna (se borra al imprimir la tarjeta)
address-none-confidential = Ninguna: una tarjeta confidencial no lleva dirección
label-proof = Documentos
proof-met = Requisitos de identidad y residencia cumplidos
proof-not-met = Requisitos no cumplidos
label-enrolled = Inscrito el
label-retained-until = Datos guardados hasta
cards-title = Tarjetas
card-number = Número de tarjeta
card-status = Estado
card-issued = Emitida
card-expires = Caduca
card-reason = Motivo
card-printed = Impresa
card-actions = Acciones
status-active = Activa
status-revoked = Revocada
status-expired = Caducada
reason-new = Tarjeta nueva
reason-renewal = Renovación
reason-replacement_lost = Reposición: perdida
reason-replacement_stolen = Reposición: robada
reason-replacement_damaged = Reposición: dañada
reason-update = Datos actualizados
revoke-reason = Motivo de la revocación
revoke-lost = Perdida
revoke-stolen = Robada
revoke-damaged = Dañada
revoke-issued_in_error = Emitida por error
revoke-button = Revocar la tarjeta
no-cards = Todavía no se ha emitido ninguna tarjeta.
done-revoked = La tarjeta se ha revocado. Las comprobaciones de la tarjeta responden ahora «no válida».
done-updated = Los datos se han cambiado. Emita una tarjeta actualizada para que se impriman.
nav-pickups = Recogidas
card-delivery = Entrega
mark-mailed = Marcar enviada
mark-arrived = Ha llegado aquí
hand-over-checked = He comparado la cara de la persona con la foto de la tarjeta
hand-over-button = Entregar
label-confidential-short = Tarjeta confidencial
confidential-yes = Sí: sin dirección, nunca por correo, se entrega en persona
stage-issued = Aún sin imprimir
stage-printed = Impresa
stage-printed-mail = Impresa, para enviar por correo
stage-printed-pickup = Impresa, en camino a { $site }
stage-ready = Lista para recoger en { $site }
stage-collect-by = Recoger a más tardar el
card-stage = Dónde está
move-pickup-label = Recoger en otra sede
move-pickup-button = Cambiar
done-pickup-moved = La tarjeta se recogerá ahora en la otra sede; allí un empleado la marca como llegada.
stage-handed_over = Entregada
stage-mailed = Enviada por correo
stage-uncollected = No se recogió a tiempo: revocada
stage-ready-here = Lista aquí
stage-on-the-way = Impresa, aún no ha llegado
pickups-title = Tarjetas para recoger aquí
pickups-intro = { $ready ->
    [0] No hay ninguna tarjeta lista aquí
    [one] Hay una tarjeta lista aquí
   *[other] Hay { $ready } tarjetas listas aquí
} y { $coming ->
    [0] ninguna en camino.
    [one] una en camino.
   *[other] { $coming } en camino.
}
pickups-hint = Busque la tarjeta del residente por su número. Entréguela solo a la persona cuya cara coincide con la foto de la tarjeta. Una tarjeta que no se recoge antes de su fecha se revoca y debe destruirse.
pickups-caption = Tarjetas para recoger en { $site }
pickups-none = Ninguna tarjeta espera aquí a ser recogida.
done-arrived = La tarjeta está marcada como lista aquí.
done-handed-over = La tarjeta se ha entregado.
done-mailed = La tarjeta está marcada como enviada.

## Cambiar el nombre o la dirección

edit-title = Cambiar el nombre o la dirección
edit-hint = Los datos nuevos se imprimen en la próxima tarjeta que se emita.

## Revisar e imprimir

review-title = Revisar la tarjeta
review-hint = Revise la tarjeta con el residente antes de emitirla: los nombres, la fecha de nacimiento y todo lo que va al dorso.
review-warnings-title = Compruebe antes de emitir
warn-mixed_script = Una palabra de «{ $field }» mezcla letras de alfabetos distintos, por ejemplo una letra cirílica entre letras latinas. Algunos nombres se escriben así; compare la ortografía con los documentos antes de emitir la tarjeta.
steps-label = Progreso
step-enroll = Inscribir
step-review = Revisar
step-print = Imprimir
issue-reason = ¿Por qué se emite esta tarjeta?
issue-revokes-previous = La tarjeta activa del residente, si la hay, se revoca al emitir esta.
issue-button = Emitir la tarjeta
open-record = Abrir el registro del residente
preview-front = Anverso de la tarjeta
preview-back = Dorso de la tarjeta
preview-note = La tarjeta se imprime tal como se ve. El código QR se firma al imprimir la tarjeta.
card-title = Tarjeta
card-issued-title = Tarjeta emitida
card-issued-text = La tarjeta { $number } está impresa y activa hasta el { $expires }. Entréguela al residente.
card-issued-text-mail = La tarjeta { $number } está impresa y vigente hasta el { $expires }. Envíela por correo al residente y márquela como enviada en su ficha.
card-issued-text-ready = La tarjeta { $number } está impresa y espera aquí, en { $site }, a que el residente la recoja en persona a más tardar el { $date }.
card-issued-text-send = La tarjeta { $number } está impresa. Envíela a { $site }, donde un empleado la marca como llegada y el residente la recoge en persona.
card-delivered-text = La tarjeta { $number } está vigente hasta el { $expires }. { $stage ->
    [mailed] Se envió por correo al residente.
   *[other] Se entregó al residente.
}
card-ready-title = Lista para imprimir
card-ready-text = La tarjeta { $number } está emitida. Imprímala en la impresora de tarjetas.
card-not-active-title = Esta tarjeta no está activa
card-not-active-text = Estado: { $status }. No se puede imprimir.
print-button = Imprimir la tarjeta
print-again = Imprimir de nuevo
print-hint = La tarjeta se abre como PDF en una pestaña nueva; imprímala desde allí con el diálogo de impresión del navegador, en la impresora de tarjetas, a tamaño real.
print-done = La tarjeta se ha impreso
enroll-next = Inscribir al siguiente residente

## Informe de conservación

audit-title = Informe de conservación
audit-as-of = A fecha de
audit-show = Mostrar
audit-intro = Lo que guarda { $jurisdiction }, por tipo de dato, frente a su política de conservación, a fecha de { $as_of }. Este informe no contiene datos personales.
audit-overdue-none = No se guarda nada más allá de su política.
audit-overdue-some = Se guardan { $count } registros más allá de su política.
audit-chain-intact = Cadena de auditoría intacta ({ $entries } entradas).
audit-chain-broken = Cadena de auditoría rota en la entrada { $first } (de { $entries }).
audit-chain-checked = La purga de las { $checked } UTC recorrió la cadena entera; este informe recorrió las entradas añadidas desde entonces.
audit-downloads = Descargas
download-json = Informe firmado (JSON)
download-csv = Informe en CSV
download-pdf = Informe para imprimir (PDF)
audit-signed = Cada descarga va firmada, para poder comprobar una copia más tarde con «muni-id report verify».
chart-title = Registro más antiguo frente al límite de la política
chart-desc = Para cada tipo de dato con un límite en días: la antigüedad del registro más antiguo (barra) y el límite de la política (línea). Una barra que pasa su línea son datos guardados demasiado tiempo.
chart-legend-age = antigüedad del registro más antiguo
chart-legend-limit = límite de la política
chart-legend-over = guardado más allá de la política
chart-none-held = no se guarda ninguno
chart-caption = { $age } de { $limit ->
    [one] { $limit } día
   *[other] { $limit } días
}
class-card_face = Datos de la tarjeta (residentes con tarjeta)
class-unissued_residents = Inscritos sin tarjeta emitida
class-print_only_address = Dirección solo para imprimir
class-audit_entries = Entradas de auditoría
class-staff_sessions = Sesiones del personal
class-card_status = Estado de las tarjetas
audit-classes = Datos guardados
col-class = Tipo de dato
col-policy = Política
col-held = Guardados
col-oldest = Más antiguo
col-overdue = Vencidos
col-destroyed = Destruidos (30 días)
audit-purges = Purgas recientes
col-started = Inicio
col-trigger = Origen
col-outcome = Resultado
col-residents-destroyed = Residentes destruidos
col-addresses-destroyed = Direcciones destruidas
col-epochs-destroyed = Épocas de clave destruidas
audit-no-purges = Todavía no se ha hecho ninguna purga.
audit-keys = Claves
audit-keys-summary = { $live } épocas de clave protegen datos de residentes; { $empty } épocas vacías están preparadas; { $destroyed } se han destruido.
col-epoch = Época
col-key-version = Versión de la clave
col-data-keys = Residentes
audit-reads = Lecturas de datos personales (30 días)
col-role = Función
col-reads = Lecturas
audit-staff-changes = Cuentas del personal creadas, restablecidas o modificadas (30 días)
audit-no-staff-changes = No se creó ni modificó ninguna cuenta del personal.
col-when = Cuándo (UTC)
col-change = Cambio
col-account = Cuenta
col-by = Hecho por
staff-change-created = creada
staff-change-password_reset = contraseña restablecida
staff-change-factors_reset = factores de acceso restablecidos
staff-change-role_changed = función cambiada
staff-change-disabled = desactivada
staff-change-enabled = reactivada
staff-change-by-cli = la línea de comandos
staff-change-by-system = el servicio, en su primer arranque
audit-checks = Comprobaciones de tarjetas
audit-verifications = Comprobaciones de tarjetas en 30 días: { $checks } ({ $valid } válidas, { $not_valid } no válidas).

## Cuentas del personal

staff-title = Cuentas del personal
one-time-password = Contraseña de un solo uso para { $username }:
one-time-password-hint = Entréguela en persona. Solo se muestra ahora; deberá elegir su propia contraseña al iniciar sesión.
staff-accounts = Cuentas
col-state = Estado
col-created = Creada
state-disabled = Desactivada
state-active = Activa
state-must-change = debe elegir una contraseña
role-for = Función de { $username }
change-role = Cambiar la función
enable-account = Activar a { $username }
disable-account = Desactivar a { $username }
reset-password = Restablecer la contraseña de { $username }
staff-add = Añadir una cuenta
username-rule = De 2 a 64 caracteres: a–z, 0–9, «.», «_» y «-».
label-initial-password = Contraseña
initial-password-hint = Déjela en blanco para generar una contraseña de un solo uso, que deberá cambiar al iniciar sesión por primera vez.
staff-add-button = Añadir la cuenta
done-staff-added = Se ha añadido la cuenta { $username }.
done-role-changed = Se ha cambiado la función de { $username }; sus sesiones se cerraron.
done-disabled = La cuenta { $username } está desactivada y sus sesiones cerradas.
done-enabled = La cuenta { $username } vuelve a estar activa.
done-reset = Se ha restablecido la contraseña de { $username }; sus sesiones se cerraron.

## Política y claves

policy-title = Política y claves
policy-intro = La configuración vigente, solo para lectura. Se cambia en el archivo de configuración, no aquí.
policy-documents = Documentos y puntos
policy-requirement = Una tarjeta necesita { $identity } puntos de identidad y { $residency } punto(s) de residencia.
col-document = Documento
col-code = Código
policy-rules = Reglas
policy-minimum-age = Edad mínima para una tarjeta
policy-unissued = Inscritos sin tarjeta emitida, se guardan
policy-grace = Se guardan tras el fin de la última tarjeta
policy-address = Dirección
policy-address-kept = se guarda con los datos de la tarjeta
policy-address-destroyed = se borra al imprimir la tarjeta
policy-audit = Entradas de auditoría, se guardan
policy-key-backups = Copias del llavero, como máximo
policy-ceiling = Ninguna política puede superar
policy-purge-interval = La purga se hace cada
policy-sessions = Las sesiones del personal terminan tras
policy-sessions-value = { $idle } minutos de inactividad, o { $absolute } minutos desde el inicio
policy-throttle = Límite de intentos de inicio de sesión
policy-throttle-value = { $failures } intentos fallidos por cuenta desde una misma dirección; después, una espera de { $first } segundos que se duplica hasta { $longest } minutos
days = { $n ->
    [one] { $n } día
   *[other] { $n } días
}
minutes = { $n ->
    [one] { $n } minuto
   *[other] { $n } minutos
}
policy-keys = Versiones de las claves
policy-keys-summary = { $live } épocas de clave vigentes; { $destroyed } destruidas.
policy-epochs = Épocas vigentes y la versión actual de su clave
policy-destroyed = Épocas destruidas
policy-signing = Claves de firma de tarjetas (publicadas)
policy-signing-current = firma ahora
policy-config = Configuración vigente
policy-config-show = Mostrar la configuración (secretos ocultos)

# The retention rules in words, on the auditor's page ({ days } uses $n).
class-policy-card_face = hasta que la última tarjeta venza o se revoque, y { days } más
class-policy-unissued_residents = { days } después de la inscripción
class-policy-print_only_address-kept = se guarda con los datos de la tarjeta
class-policy-print_only_address-destroyed = se borra en cuanto se imprime una tarjeta que la lleva
class-policy-audit_entries = { days }
class-policy-staff_sessions = hasta { $idle } minutos de inactividad o { $absolute } minutos después de iniciar sesión
class-policy-card_status = se guarda mientras la tarjeta pueda presentarse; el índice de una tarjeta revocada nunca se reutiliza
audit-keys-statement = Toda copia de la base de datos (una copia de seguridad, un archivo WAL, un disco robado) queda ilegible { $w1 } meses después de hacerse, y un registro queda ilegible en todas las copias al terminar el mes en que vence: las claves de datos se cifran como máximo con { $w } meses de antelación y las claves de los meses ya cerrados se destruyen. Las copias del anillo de claves se guardan como máximo { days }.

# Short names for the chart's rows, and the purge runs' trigger and outcome.
chart-label-card_face = Datos de la tarjeta
chart-label-unissued_residents = Sin tarjeta emitida
chart-label-audit_entries = Entradas de auditoría
chart-label-staff_sessions = Sesiones del personal
purge-trigger-schedule = programada
purge-trigger-cli = desde la línea de órdenes
purge-outcome-running = en curso
purge-outcome-completed = terminada
purge-outcome-failed = fallida

## Segundo factor

nav-account = Cuenta y acceso
factor-title = Segundo paso para entrar
factor-code = Código
factor-code-hint = El código de seis cifras que muestra ahora su aplicación de autenticación, o uno de sus códigos de recuperación.
factor-button = Continuar
factor-start-again = Volver a empezar con su nombre de usuario
account-title = Cuenta y acceso
account-factors = Segundo factor
factor-due = Configure un segundo factor antes del { $date }. A partir de ese día, su contraseña sola no le permitirá entrar.
factor-set-up-now = Configurarlo ahora
factor-required-here = Su función exige entrar con un segundo factor.
factor-offered = Un segundo factor protege su cuenta aunque alguien llegue a conocer su contraseña.
factor-none = Todavía no tiene ningún segundo factor.
col-added = Añadido
col-last-used = Último uso
factor-kind-totp = Aplicación de autenticación
factor-kind-passkey = Llave de acceso
password-to-confirm = Su contraseña, para confirmar
factor-remove = Quitar
factor-removed = Se ha quitado el factor.
totp-add = Configurar una aplicación de autenticación
totp-title = Configurar una aplicación de autenticación
totp-step-scan = En su aplicación de autenticación, añada una cuenta y escanee este código.
totp-step-type = Si no puede escanearlo, escriba esta clave:
totp-step-confirm = Escriba el código de seis cifras que muestra ahora la aplicación.
totp-code = Código de seis cifras
totp-confirm = Confirmar
totp-added = La aplicación de autenticación está configurada. A partir de ahora entrará con su contraseña y un código de la aplicación.
totp-qr-label = Código QR para su aplicación de autenticación
recovery-title = Códigos de recuperación
recovery-left = { $count ->
        [one] Le queda un código de recuperación sin usar.
       *[other] Le quedan { $count } códigos de recuperación sin usar.
    }
recovery-new = Crear códigos de recuperación nuevos
recovery-shown-once = Anote o imprima estos códigos y guárdelos en un lugar seguro. Solo se muestran ahora.
recovery-how = Si pierde el teléfono, entre con uno de estos códigos en lugar de un código de la aplicación. Cada uno sirve una sola vez. Al crear códigos nuevos, estos dejan de valer.
err-totp-wrong-code = Ese código no corresponde a la aplicación que está configurando. Compruebe la hora del teléfono y escriba el código que muestra ahora.
err-factor-gone = Ese factor ya no está en su cuenta. Vuelva a empezar.
err-factor-required = Su función exige mantener un segundo factor. Configure otro antes de quitar este, o pida ayuda a un administrador.
err-second_factor_required = Esta cuenta entra con un segundo factor.
err-invalid_second_factor = Ese código no es correcto o ya se usó. Espere al siguiente código e inténtelo de nuevo.
err-second_factor_enrolment_overdue = Esta cuenta necesitaba un segundo factor y el plazo para configurarlo ha terminado. Pida a un administrador que restablezca su segundo factor.
state-second-factor = tiene segundo factor
state-no-second-factor = sin segundo factor
reset-factors = Restablecer el segundo factor de { $username }
done-factors-reset = Se ha quitado el segundo factor de { $username } y se cerraron sus sesiones. Podrá configurar uno nuevo la próxima vez que entre.
passkey-add = Añadir una llave de acceso
passkey-why = Una llave de acceso es el segundo factor más seguro: su teléfono, su computadora o su llave de seguridad demuestra que es usted, con su huella, su cara o su PIN. En el servidor no se guarda nada que pueda abrir su cuenta.
passkey-label = Nombre de esta llave de acceso
passkey-label-hint = Para distinguir sus llaves de acceso, por ejemplo «portátil del trabajo» o «llave de seguridad azul».
passkey-button = Añadir una llave de acceso
passkey-added = Se ha añadido la llave de acceso.
passkey-needs-script = Para añadir una llave de acceso hace falta JavaScript en este navegador.
passkey-unavailable-here = Las llaves de acceso necesitan que el servicio tenga un nombre de dominio (su dirección pública es una dirección IP). Use una aplicación de autenticación.
passkey-cancelled = No se usó la llave de acceso: la solicitud se canceló o se agotó el tiempo. Inténtelo de nuevo.
passkey-unsupported = Este navegador no puede usar llaves de acceso. Use una aplicación de autenticación o un código de recuperación.
passkey-wrong-host = Las llaves de acceso solo funcionan en la dirección propia de este servicio. Ábralo en esa dirección e inténtelo de nuevo.
passkey-use = Usar su llave de acceso
passkey-or-code = O escriba un código:
totp-why = Una aplicación en su teléfono que muestra un código nuevo de seis cifras cada 30 segundos.
err-passkeys-unavailable = Las llaves de acceso necesitan que el servicio tenga un nombre de dominio. Use una aplicación de autenticación.
err-passkey-refused = No se aceptó la llave de acceso. Inténtelo de nuevo.

# Inicio de sesión único (el proveedor de identidad de la ciudad)
sign-on-button = Iniciar sesión con { $name }
sign-on-or-password = O inicie sesión con su usuario y contraseña:
break-glass-summary = Acceso de emergencia con contraseña
break-glass-hint = Solo para la cuenta de administración de emergencia, cuando el acceso de la ciudad no funciona.
signed-on-title = Sesión iniciada
signed-on-text = Ha iniciado sesión. Su página se abre ahora.
signed-on-continue = Continuar
err-local_passwords_off = El personal inicia sesión con el acceso de la ciudad (arriba); aquí las contraseñas están desactivadas, salvo para la cuenta de administración de emergencia.
err-sign-on-unknown = Este enlace de inicio de sesión ya no es válido: ya se usó, tiene más de diez minutos o se abrió en otro navegador. Empiece de nuevo.
err-sign-on-ended = El inicio de sesión se canceló o no se completó. Empiece de nuevo.
err-sign-on-unreachable = No se puede conectar con el acceso de la ciudad en este momento. Inténtelo en unos minutos o consulte al servicio de asistencia.
err-sign-on-invalid = No se aceptó la respuesta del acceso de la ciudad. Empiece de nuevo; si vuelve a ocurrir, avise al servicio de asistencia.
err-sign-on-no-account = Ha iniciado sesión en la ciudad, pero aquí no hay una cuenta de personal para usted. Pida a un administrador que la cree.
err-sign-on-no-role = Ha iniciado sesión en la ciudad, pero ninguno de sus grupos da acceso a este servicio. Pida al servicio de asistencia que le añada al grupo correcto.
err-sign-on-two-roles = Sus grupos en la ciudad le dan aquí dos funciones distintas. Pida al servicio de asistencia que le deje en uno solo.
account-signed-on = Inició sesión con { $name }. Su contraseña y su segundo factor se gestionan allí.
err-sign-on-no-username = El acceso de la ciudad no indicó qué cuenta de personal es la suya. Consulte al servicio de asistencia.
err-sign-on-break-glass = La cuenta de administración de emergencia solo inicia sesión con su contraseña, más abajo.
err-sign-on-email-unverified = El acceso de la ciudad no ha verificado su correo electrónico. Consulte al servicio de asistencia.
err-sign-on-no-second-factor = Inicie sesión en la ciudad con su segundo factor (por ejemplo, su teléfono o su llave de seguridad) y vuelva a intentarlo.
err-sign-on-other-person = Esta cuenta de personal pertenece a otra persona en el acceso de la ciudad. Pida a un administrador que restablezca su inicio de sesión.
err-password-managed-elsewhere = Su contraseña y su segundo factor se gestionan en el acceso de la ciudad, no aquí.

# Verificación previa de documentos para residentes (/check)
check-title = ¿Qué documentos necesito para la tarjeta de identificación municipal?
check-intro = Para obtener la tarjeta, debe presentar documentos que demuestren quién es y que vive en la ciudad. Cada documento vale puntos: necesita { $identity } { $identity ->
    [one] punto
   *[other] puntos
} de identidad y { $residency } { $residency ->
    [one] punto
   *[other] puntos
} de residencia.
check-nothing-kept = Esta página no guarda nada sobre usted: lo que marque no se almacena y nadie en la ciudad lo ve.
check-documents = Los documentos que tiene
check-hint = Marque cada tipo de documento que pueda traer.
check-add-up = Sumar mis puntos
check-list = Cuánto vale cada documento
check-bring = Cuando haga la solicitud, traiga los originales de los documentos que marcó. Un empleado los revisa y se los devuelve; el programa no guarda copias ni números de documentos.
check-print = Para llevarse esta lista, imprima esta página.
check-footer = Esta página es del programa de identificación municipal de la ciudad. No guarda nada sobre usted.
reason-replacement_never_received = Reposición: la tarjeta enviada por correo no llegó
err-outside_renewal_window = La renovación solo es posible desde poco antes de que venza la última tarjeta del residente hasta unos seis meses después. Fuera de ese plazo, emita una tarjeta nueva después de revisar de nuevo los documentos.

## Franjas de edad, acompañantes, tarifas y exenciones
err-caretaker_required = Un residente de esta edad solicita con su madre o padre, su tutor legal u otra persona a cargo. Indique quién lo acompaña.
err-caretaker_not_applicable = Un residente de esta edad solicita solo: deje vacío «Quién acompaña al residente».
err-caretaker_identity_unchecked = Verifique la identidad del acompañante y marque la casilla que lo confirma.
err-fee_required = Esta tarjeta tiene una tarifa de { $amount } { $currency }. Cobre el pago y márquelo como pagado, o márquelo como exento con una categoría. No se emitió ninguna tarjeta.
err-unknown_waiver_category = Elija una de las categorías de exención del programa.
label-caretaker = Quién acompaña al residente
caretaker-minors-only = para menores
caretaker-required-ages = De { $from } a { $to } años se solicita con un acompañante.
caretaker-optional-ages = De { $from } a { $to } años se puede solicitar solo o acompañado.
caretaker-required-from = Desde los { $from } años se solicita con un acompañante.
caretaker-optional-from = Desde los { $from } años se puede solicitar solo o acompañado.
hint-caretaker = Anote solo la relación con el acompañante. Nunca anote su nombre.
label-caretaker-relationship = Relación
label-caretaker_identity_checked = Verifiqué la identidad del acompañante
caretaker-none = Nadie (solicita solo)
relationship-parent = Madre o padre
relationship-legal_guardian = Tutor legal
relationship-other_caretaker = Otra persona a cargo
policy-bands = Franjas de edad y tarifas
policy-bands-intro = La edad el día de la solicitud o de la emisión decide la franja. Las tarifas están en { $currency }; el pago se cobra fuera de este servicio.
col-age-band = Franja de edad
col-ages = Edades
col-caretaker = Acompañante
col-validity = Validez de la tarjeta
col-fee = Tarifa: { $class }
ages-from-to = De { $from } a { $to }
ages-from = { $from } o más
caretaker-rule-required = obligatorio
caretaker-rule-optional = opcional
caretaker-rule-none = solicita solo
years = { $n ->
    [one] { $n } año
   *[other] { $n } años
}
policy-fee-reasons = Tipo de tarifa por motivo
policy-waivers = Categorías de exención
band-child = Niño
band-youth = Joven
band-adult = Adulto
band-senior = Persona mayor
fee-class-card = Tarjeta
fee-class-replacement = Reposición
fee-class-free = Sin tarifa
waiver-low_income = Bajos ingresos
waiver-homeless = Sin hogar
waiver-survivor_of_violence = Sobreviviente de violencia
waiver-veteran = Veterano
waiver-senior = Persona mayor
waiver-youth = Joven
issue-fee = Tarifa
issue-fee-hint = Cobre primero el pago en la caja. Luego márquelo como pagado, o márquelo como exento y elija la categoría. Si no hay tarifa, no hace falta nada.
delivery-legend = Cómo llega la tarjeta al residente
delivery-hint = Se entrega ahora, se envía por correo a la dirección registrada o el residente la recoge más tarde en persona en una sede.
delivery-hint-confidential = Esta tarjeta es confidencial: no lleva dirección y nunca se envía por correo. Entréguela aquí al imprimirla, o el residente la recoge en persona en la sede que elija.
delivery-counter = Se entrega aquí al imprimirla
delivery-mail = Se envía por correo a la dirección registrada
delivery-pickup = Se recoge más tarde en una sede
delivery-pickup-site = Sede donde la recoge el residente
delivery-pickup-site-none = Elija una sede
issue-fee-table = Tarifas para este residente ({ $band })
issue-fee-amount = Importe ({ $currency })
fee-free = Sin tarifa
fee-paid = Pagado
fee-waived = Exento
fee-waiver-category = Categoría de exención
fee-waiver-none = Ninguna
fee-no-evidence = Anote solo la categoría. No anote ni copie el comprobante que le muestren.
err-no_card_to_replace = El residente no tiene ninguna tarjeta vigente que reponer (para una tarjeta no recibida: ninguna impresa para enviarla por correo). Emita una tarjeta nueva.
err-no_address_to_mail = El residente no tiene una dirección registrada a la que enviar la tarjeta. Añada la dirección o haga que la recoja en una sede.
err-confidential_not_mailed = Una tarjeta confidencial nunca se envía por correo: el residente la recoge en persona, aquí o en la sede que elija.
err-card_awaiting_mail = Una tarjeta de este residente espera a ser enviada por correo a su dirección. Revóquela primero (emitida por error) y después haga la tarjeta confidencial y emita una para entregar en persona.
err-confidential_no_address = Una tarjeta confidencial no lleva dirección: deje la dirección vacía o desmarque «Tarjeta confidencial».
err-pickup_site_required = Elija la sede abierta donde el residente recogerá la tarjeta.
err-not_picked_up_here = Esta tarjeta se recoge en otra sede.
err-holder_unchecked = Compare la cara de la persona con la foto de la tarjeta y marque la casilla antes de entregarla.
err-wrong_card_stage = La tarjeta no está en el paso que esto requiere (aún no impresa, aún no llegada a su sede o ya entregada).
program-title = Cifras para el concejo municipal
program-hint = Solicitudes, rechazos, tarjetas, tarifas y exenciones, e idiomas, contados por mes. Toda cifra menor de 11 aparece como «<11», y se ocultan otras cifras donde un total la revelaría. Firmado como el informe de conservación.
program-from = Desde (mes)
program-to = Hasta (mes)
program-by = Columnas
program-by-month = Por mes
program-by-site = Por sede
program-by-site-month = Por sede y mes
program-by-none = Todo el período
program-format = Formato
program-format-pdf = Informe imprimible con gráficos (PDF)
program-format-csv = Datos abiertos (CSV)
program-format-json = Datos firmados (JSON)
program-download = Descargar el informe

## Sites
nav-sites = Sedes
err-site_closed = Esta sede está cerrada, aún no abre o ya pasó su último día: no se puede registrar nada allí. Elija otra sede.
err-site_code_taken = Ya existe una sede con ese código. Los códigos nunca se reutilizan: elija otro.
err-site_not_allowed = Usted no trabaja en esa sede. Pida a un administrador que la agregue a sus sedes.
err-site_required = Primero elija la sede donde trabaja. No se registró nada.
err-site-choose = Elija una sede.
site-working-at = Sede: { $site } (cambiar)
site-choose-link = Elija su sede
sites-title = Sedes
sites-intro = Centros de inscripción, sucursales de biblioteca y eventos temporales. Cada inscripción, emisión e impresión de tarjeta registra la sede donde se hizo; el informe para el concejo cuenta por sede.
sites-list = Todas las sedes
col-site = Sede
col-site-kind = Tipo
col-site-dates = Abierta
site-no-last-day = sin último día
site-change = Cambiar { $site }
label-site-name = Nombre
label-site-code = Código
label-site-opens-on = Primer día
label-site-closes-on = Último día
site-save = Guardar
site-close = Cerrar { $site }
sites-close-hint = Una sede cerrada queda cerrada: no se registra nada más allí, y el personal que trabaja allí elige otra sede.
sites-none = Aún no hay sedes. Hasta que se agregue una, nada registra una sede.
site-add = Agregar una sede
site-code-rule = De 2 a 32 letras minúsculas, dígitos y guiones. Aparece en el informe para el concejo y nunca se reutiliza.
site-closes-hint = Un evento temporal necesita su último día. Déjelo en blanco para una sede permanente.
site-add-button = Agregar sede
site-kind-centre = Centro de inscripción
site-kind-library = Sucursal de biblioteca
site-kind-popup = Evento temporal
site-state-upcoming = Aún no abre
site-state-open = Abierta
site-state-ended = Terminada
site-state-closed = Cerrada
done-site-added = Se agregó { $site }.
done-site-changed = Se cambió { $site }.
done-site-closed = Se cerró { $site }. No se registra nada más allí.
site-choose-title = ¿Dónde trabaja hoy?
site-choose-intro = Cada inscripción, emisión e impresión de tarjeta que haga se registra en esta sede.
site-choose-legend = Su sede
site-until = hasta el { $date }
site-choose-button = Trabajar aquí
site-none-open = Ninguna de sus sedes está abierta hoy. Pida a un administrador que lo agregue a una sede abierta.
col-sites = Sedes
sites-any = Cualquier sede abierta
sites-assign = Sedes de { $username }
sites-assign-hint = No marque ninguna para que la cuenta trabaje en cualquier sede abierta.
sites-assign-button = Guardar sedes
done-sites-assigned = Se guardaron las sedes de { $username }.

## Legal holds
nav-holds = Retenciones legales
err-legal_hold_lifted = Esta retención ya se levantó. Coloque una nueva si la orden se renueva.
holds-title = Retenciones legales
holds-intro = Una retención legal (una orden judicial de conservar registros) impide que la depuración destruya los registros que abarca hasta que se levante. Colocarla y levantarla queda en el registro de auditoría; el informe de conservación lista las retenciones vigentes y cuenta aparte los registros retenidos, no como vencidos.
holds-list = Retenciones
holds-none = No se ha colocado ninguna retención legal.
col-hold-reference = Referencia
col-hold-scope = Registros que abarca
col-hold-placed = Colocada
col-hold-lifted = Levantada
hold-scope-all = Todos los registros
hold-scope-enrolled_between = Inscritos del { $from } al { $to }
hold-scope-site = Inscritos en { $site }
hold-in-force = Vigente
hold-by = por { $username }
hold-lift = Levantar la retención { $reference }
hold-place = Colocar una retención
label-hold-reference = Referencia de la orden
hold-reference-hint = El número de la orden judicial o del caso. Nunca el nombre de una persona.
hold-scope-legend = Qué registros abarca
hold-scope-choice-all = Todos los registros
hold-scope-choice-enrolled_between = Residentes inscritos entre dos días
hold-scope-choice-site = Residentes inscritos en una sede
label-hold-from = Desde (para residentes inscritos entre dos días)
label-hold-to = Hasta (para residentes inscritos entre dos días)
label-hold-site = Sede (para residentes inscritos en una sede)
hold-place-button = Colocar retención
done-hold-placed = Se colocó la retención { $reference }. Abarca { $count ->
        [one] un registro
       *[other] { $count } registros
    } ahora.
done-hold-lifted = Se levantó la retención { $reference }. La próxima depuración destruye lo vencido que ninguna otra retención abarque.
sites-not-applicable = No trabaja en una sede (esta función no atiende en ventanilla)
err-under_legal_hold = Una retención legal abarca este registro: sus datos no se pueden cambiar ni eliminar hasta que se levante. No se cambió nada.
col-legal-hold = En retención legal
audit-holds = { $holds ->
        [one] Hay una retención legal vigente
       *[other] Hay { $holds } retenciones legales vigentes
    }: { $records ->
        [one] un registro se conserva
       *[other] { $records } registros se conservan
    } pasada su fecha, sin contarse como vencidos.
audit-holds-link = Ver las retenciones

## Las palabras impresas en la propia tarjeta, tal como las imprime (en mayúsculas cuando el
## idioma las tiene). La tarjeta las imprime en el idioma de tarjeta de la ciudad y, si el
## residente lo pide, en un segundo idioma debajo; por eso deben ser breves: una etiqueta
## tiene unos 27 mm a 6 pt.
card-face-title = TARJETA DE IDENTIFICACIÓN
card-face-name = NOMBRE
card-face-preferred-name = NOMBRE PREFERIDO
card-face-date-of-birth = FECHA DE NACIMIENTO
card-face-gender = GÉNERO
card-face-issued = EMISIÓN
card-face-expires = VENCIMIENTO
card-face-card-number = N.º DE TARJETA
card-face-address = DOMICILIO
card-face-languages = IDIOMAS
card-face-list-separator = {", "}
card-face-emergency-contact = CONTACTO DE EMERGENCIA
card-face-veteran = VETERANO/A
card-face-organ-donor = DONANTE DE ÓRGANOS
card-face-return-if-found = Si la encuentra, entréguela en una alcaldía o déjela en un buzón.
# $address es la dirección de la página de verificación, "id.springfield.gov/v".
card-face-verify-hint = Para verificarla, escanee el código o visite { $address }
# Una fecha en la tarjeta: breve y clara para un lector de cualquier país ("7 abr 1990").
# $month es uno de los mensajes card-face-month de abajo; $day y $year son cifras.
card-face-date = { $day } { $month } { $year }
card-face-month-1 = ene
card-face-month-2 = feb
card-face-month-3 = mar
card-face-month-4 = abr
card-face-month-5 = may
card-face-month-6 = jun
card-face-month-7 = jul
card-face-month-8 = ago
card-face-month-9 = sep
card-face-month-10 = oct
card-face-month-11 = nov
card-face-month-12 = dic

## Los informes como PDF para imprimir: el informe de conservación y las cifras para el concejo

# $date es un día escrito como lo escribe date-long.
report-pdf-as-of = { $jurisdiction } — a fecha de { $date }
# $generated es una hora UTC como "2026-12-07 14:05"; $from y $to son días.
report-pdf-generated = Generado el { $generated } UTC. Las lecturas y las purgas se cuentan del { $from } al { $to }. Este informe no contiene datos personales.
report-held-counted = Los registros guardados, el más antiguo de cada tipo y las claves de datos por época se contaron en la purga de las { $counted } UTC; las sesiones del personal, las entradas de auditoría y los registros vencidos se cuentan al generar este informe.
report-pdf-chain = Cadena de auditoría
report-pdf-sealed = El extremo de la cadena se selló con una firma por última vez en la entrada { $entry }.
report-pdf-unsealed = El extremo de la cadena todavía no se ha sellado.
report-pdf-no-epochs = Ninguna época de clave protege datos de residentes.
# $epochs es una lista de meses como "2026-01 (destroyed 2026-03-01), 2026-02 (…)".
report-pdf-destroyed-epochs = Épocas de clave destruidas: { $epochs }
report-pdf-none = ninguna
report-pdf-started = Inicio (UTC)
col-audit-removed = Entradas de auditoría eliminadas
report-pdf-holds-none = No hay ninguna retención legal vigente: todos los tipos de datos se destruyen a su debido tiempo.
report-pdf-per-card = No se registra ninguna comprobación tarjeta por tarjeta.
report-pdf-signature = Firma
# $alg es "ES256"; $kid es el identificador de la clave de firma.
report-pdf-signed = Firmado mediante { $alg } con la clave { $kid }; la firma abarca el JSON canónico de este informe.
report-pdf-unsigned = Este informe no está firmado.
report-pdf-check = El JSON firmado va dentro de este archivo, que termina con una firma de sus propios bytes. Para comprobar una copia, use «muni-id report verify FILE».
# Al pie de cada página; $report es el título del informe.
report-pdf-page = { $report } — página { $page } de { $pages }
# $from y $to son meses escritos como los escribe program-pdf-month.
program-pdf-period = { $jurisdiction } — de { $from } a { $to }
# $columns es uno de los mensajes program-by ("Por mes").
program-pdf-columns = Columnas: { $columns }
program-pdf-generated = Generado el { $generated } UTC.
program-pdf-threshold = Las cifras de 1 a { $below } aparecen como «<{ $threshold }». Una cifra marcada como «oculta» no se muestra, para que ninguna cifra pequeña pueda deducirse de los totales.
program-pdf-counts-only = Solo cifras: este informe no identifica por nombre ni por número a ninguna persona, tarjeta ni miembro del personal.
program-pdf-nothing = No se contó nada en este período.
program-pdf-category = Categoría
program-pdf-total = Total
# Una cifra que no se muestra en la tabla (véase program-pdf-threshold).
program-pdf-withheld = oculta
program-pdf-no-site = Sin sede registrada
# Una columna de la tabla: $month es uno de los mensajes card-face-month; $year, cifras.
program-pdf-month = { $month } { $year }
# $category es uno de los mensajes waiver ("Bajos ingresos").
program-pdf-waived = Exento: { $category }
program-table-application = Solicitudes aceptadas, por franja de edad
program-table-denial = Solicitudes rechazadas, por motivo
program-table-card_issued = Tarjetas emitidas, por motivo
program-table-fee = Tarifas de las tarjetas: pagadas, o exentas según la categoría
program-table-language = Idiomas que pidieron los residentes
program-denial-insufficient_proof = Documentos insuficientes para acreditar la identidad o la residencia
program-denial-below_minimum_age = Por debajo de la edad mínima
program-denial-caretaker_required = Se presentó sin acompañante

# A language by its name, as the card's back and the council report write a resident's
# languages in this language (BCP 47 tag after "lang-"; a sign language is a language too).
# Written as a list item mid-sentence would write it (Spanish and French: lowercase).
lang-am = amárico
lang-ar = árabe
lang-ase = lengua de señas americana
lang-bn = bengalí
lang-bo = tibetano
lang-cmn = mandarín
lang-de = alemán
lang-el = griego
lang-en = inglés
lang-es = español
lang-fa = persa
lang-ff = fula
lang-fil = filipino
lang-fr = francés
lang-gu = guyaratí
lang-he = hebreo
lang-hi = hindi
lang-hmn = hmong
lang-ht = criollo haitiano
lang-hu = húngaro
lang-hy = armenio
lang-it = italiano
lang-ja = japonés
lang-ka = georgiano
lang-km = jemer
lang-ko = coreano
lang-ku = kurdo
lang-lo = lao
lang-mam = mam
lang-mfs = lengua de señas mexicana
lang-ml = malayálam
lang-my = birmano
lang-ne = nepalí
lang-nl = neerlandés
lang-pa = panyabí
lang-pl = polaco
lang-prs = darí
lang-ps = pastún
lang-pt = portugués
lang-quc = k'iche'
lang-ro = rumano
lang-ru = ruso
lang-si = cingalés
lang-so = somalí
lang-sq = albanés
lang-sw = suajili
lang-ta = tamil
lang-te = telugu
lang-th = tailandés
lang-ti = tigriña
lang-tl = tagalo
lang-tr = turco
lang-uk = ucraniano
lang-ur = urdu
lang-uz = uzbeko
lang-vi = vietnamita
lang-wo = wólof
lang-yi = yidis
lang-yo = yoruba
lang-yue = cantonés
lang-zh = chino
