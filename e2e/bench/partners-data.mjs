// Generates a cities.json with N partners following the data contract,
// deterministically (same N, same file). CLI: node bench/partners-data.mjs N > file.json
const RELATIONS = ['sister', 'exchange', 'contact'];
const CONTINENTS = ['asia', 'europe', 'africa', 'north-america', 'south-america', 'oceania'];

function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Names as varied as real ones, and sharing prefixes as real ones do (many
// cities begin with San, New, 新, 北…), which is what made name matching slow.
const JA_PREFIXES = ['サン', 'ニュー', 'ポート', 'セント', '新', '北', '南', '東', '西', '大', '都市', 'ミンスク市'];
const EN_PREFIXES = ['San ', 'New ', 'Port ', 'Saint ', 'North ', 'South ', 'East ', 'West ', 'Great ', 'City '];
const KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ';
const LATIN = 'abcdefghijklmnopqrstuvwxyz';

function word(next, alphabet, length) {
  let out = '';
  for (let k = 0; k < length; k++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
}

export function partnersData(n) {
  const next = random(n);
  const partners = [];
  for (let i = 0; i < n; i++) {
    const lat = Math.round((next() * 140 - 60) * 1e4) / 1e4;
    const lon = Math.round((next() * 360 - 180) * 1e4) / 1e4;
    const country = String.fromCharCode(65 + (i % 26), 65 + (Math.floor(i / 26) % 26));
    const ja = JA_PREFIXES[i % JA_PREFIXES.length] + word(next, KANA, 2 + (i % 4)) + i + '市';
    const latin = word(next, LATIN, 3 + (i % 5));
    const en = EN_PREFIXES[i % EN_PREFIXES.length] + latin[0].toUpperCase() + latin.slice(1) + ` ${i}`;
    partners.push({
      id: `city-${i}`,
      names: { ja, en },
      country: { code: country, names: { ja: `国${country}`, en: `Country ${country}` } },
      continent: CONTINENTS[i % CONTINENTS.length],
      lat,
      lon,
      relation: RELATIONS[i % RELATIONS.length],
      since: `${1980 + (i % 40)}-0${1 + (i % 9)}`,
      aliases: [ja.slice(0, -1)],
      summary: { ja: `テスト用の都市 ${i}。`, en: `Test city ${i}.` },
    });
  }
  return {
    home: { id: 'changning', names: { ja: '上海市長寧区', en: 'Changning District, Shanghai' }, lat: 31.2204, lon: 121.4245 },
    partners,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(JSON.stringify(partnersData(Number(process.argv[2] || 10000))));
}
