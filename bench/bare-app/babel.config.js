// The same Babel set-up as the app (NutUI on demand), so the two builds differ only in what they hold.
module.exports = require('../../babel.config.js')
